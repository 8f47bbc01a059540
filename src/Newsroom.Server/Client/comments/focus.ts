// Where the keyboard focus goes when what it was on changes: a comment that leaves the page hands it to its neighbour,
// a press that brings comments hands it to the first of them, so keyboard and screen reader users never fall back to
// the top of the page.

/** Focuses an element that is not focusable by itself (a comment, a heading) without adding it to the tab order. */
export function focusOn(el: HTMLElement | null | undefined): void {
  if (!el) {
    return;
  }
  if (!el.matches("button, a[href], input, select, textarea, [tabindex]")) {
    el.setAttribute("tabindex", "-1");
  }
  el.focus();
}

/** The first of the comments a press put on screen, in page order. */
export function focusFirst(shown: (HTMLElement | null)[]): void {
  const first = shown
    .filter((li): li is HTMLElement => li !== null && li.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
  focusOn(first);
}

/** Before a comment holding the focus leaves: the next comment, else the one before, else the one it answers, else the heading. */
export function handOverFocus(li: HTMLElement, heading: HTMLElement): void {
  if (!li.contains(document.activeElement)) {
    return;
  }
  const sibling = (el: Element | null, step: (e: Element) => Element | null): HTMLElement | null => {
    for (let at = el; at; at = step(at)) {
      if (at !== li && at.classList.contains("comment")) {
        return at as HTMLElement;
      }
    }
    return null;
  };
  focusOn(
    sibling(li.nextElementSibling, (e) => e.nextElementSibling) ??
      sibling(li.previousElementSibling, (e) => e.previousElementSibling) ??
      li.parentElement?.closest<HTMLElement>(".comment") ??
      heading,
  );
}
