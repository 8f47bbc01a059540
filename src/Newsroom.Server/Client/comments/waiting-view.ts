import { CommentItem, CommentPage, plural } from "./comment-view";
import { focusFirst, focusOn } from "./focus";
import { Sort, placeFeatured } from "./placing";
import { WaitingComments } from "./waiting";

// The buttons behind which live comments wait: "N new comments" above the list (new and newly featured comments)
// and "N new replies to …" under a comment on screen. Each says its count in the polite live region; pressing one puts
// its comments on screen and moves the focus to the first of them, so keyboard and screen reader users go on there.

export interface WaitingViewOptions {
  list: HTMLElement;
  newButton: HTMLButtonElement;
  announce: HTMLElement;
  sort: () => Sort;
  find: (id: number) => HTMLElement | null;
  render: (item: CommentItem) => HTMLElement;
  /** Puts a comment where it belongs; null when it is not put on screen. */
  place: (item: CommentItem) => HTMLElement | null;
  loadReplies: (parentId: number) => Promise<CommentPage>;
}

export function waitingView({ list, newButton, announce, sort, find, render, place, loadReplies }: WaitingViewOptions) {
  const waiting = new WaitingComments();

  function showWaiting(): void {
    const n = waiting.topCount;
    newButton.hidden = n === 0;
    newButton.textContent = waiting.topLabel();
    announce.textContent = n === 0 ? "" : newButton.textContent;
  }

  function showWaitingReplies(parentId: number): void {
    const parent = find(parentId);
    if (!parent) {
      return;
    }
    let button = parent.querySelector<HTMLButtonElement>(":scope > .comment-new-replies");
    const n = waiting.replies.get(parentId)?.length ?? 0;
    if (n === 0) {
      button?.remove();
      return;
    }
    if (!button) {
      button = Object.assign(document.createElement("button"), { type: "button", className: "comment-new-replies link-button" });
      button.dataset.parent = String(parentId);
      (parent.querySelector(":scope > .comment-replies") as HTMLElement).after(button);
    }
    // Said with whose comment they answer: a screen reader hears it wherever the reader is, and the buttons differ.
    const to = parent.querySelector(":scope > .comment-body .comment-author")?.textContent ?? "";
    const label = plural(n, "new reply", "new replies");
    const whose = Object.assign(document.createElement("span"), { className: "visually-hidden" });
    whose.append(" to ", Object.assign(document.createElement("bdi"), { textContent: to }));
    button.replaceChildren(label, ...(to ? [whose] : []));
    announce.textContent = to ? `${label} to ${to}` : label;
  }

  /** A comment that arrived live: behind the button above the list, behind one under its comment, or with its comment. */
  function arrived(item: CommentItem): void {
    if (item.parentId === null) {
      waiting.top.push(item);
      showWaiting();
    } else if (find(item.parentId)) {
      waiting.replies.set(item.parentId, [...(waiting.replies.get(item.parentId) ?? []), item]);
      showWaitingReplies(item.parentId);
    } else {
      // Its comment is still behind a button: it shows with it when the reader presses.
      waiting.attach(item);
    }
  }

  /**
   * A comment changed (edited, removed, featured…). A newly featured one is marked where it is at once and moves to
   * the top only when the reader presses the button (or on the next load); one no longer featured stays where it is.
   */
  function changed(item: CommentItem, newlyFeatured: boolean): void {
    if (item.parentId === null && item.featured && item.html !== null && newlyFeatured) {
      waiting.featured.set(item.id, item);
    }
    if (!item.featured || item.html === null) {
      waiting.featured.delete(item.id);
    }
    waiting.change(item);
  }

  /** Moves newly featured comments to the top; brings those not on screen, with their replies. */
  function moveFeatured(): HTMLElement[] {
    const moved: HTMLElement[] = [];
    for (const item of waiting.featured.values()) {
      let li = find(item.id);
      if (!li) {
        li = render(item);
        // A broadcast comment comes without its replies: they follow, under it.
        void loadReplies(item.id)
          .then((page) => page.comments.forEach(place))
          .catch(() => undefined);
      }
      placeFeatured(list, li, sort());
      moved.push(li);
    }
    waiting.featured.clear();
    return moved;
  }

  function pressNew(): void {
    const shown = waiting.top;
    waiting.top = [];
    shown.forEach((c) => waiting.featured.delete(c.id));
    // In arrival order: newest first puts each above the one before it.
    const placed = [...shown.map(place), ...moveFeatured()];
    showWaiting();
    if (placed.some((li) => li !== null)) {
      focusFirst(placed);
    } else {
      // Oldest or most voted first with more pages to load: they come in their turn, after the ones not loaded yet.
      const more = document.getElementById("comments-more");
      const one = shown.length === 1;
      announce.textContent = `${plural(shown.length, "new comment is", "new comments are")} further down the list: press "${more?.textContent ?? "Load more"}" to reach ${one ? "it" : "them"}.`;
      focusOn(more?.hidden === false ? more : list.closest("section")?.querySelector<HTMLElement>("h2"));
    }
  }

  function pressNewReplies(parentId: number): void {
    const placed = (waiting.replies.get(parentId) ?? []).map(place);
    waiting.replies.delete(parentId);
    showWaitingReplies(parentId);
    announce.textContent = "";
    focusFirst(placed);
  }

  return { waiting, showWaiting, showWaitingReplies, arrived, changed, moveFeatured, pressNew, pressNewReplies };
}
