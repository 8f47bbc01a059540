import { CommentEvent, CommentItem, CommentPage, plural } from "./comment-view";
import { Passage, markPassage, passageOf, passageOfBlock, runsOf } from "./passage-runs";

// Inline feedback on the article page: a reader selects a passage of the story (or, from the keyboard, chooses a
// paragraph in the comment form) and comments on it; the passages that have comments are marked in the text with a
// count that opens their comments; a filter shows inline feedback only. Offsets are the published body's (the text
// runs say where each piece of text is), so what is posted is exactly what the thread checks.

/** What comments.ts lends this module: its hub calls, its form and its list. */
export interface InlineHost {
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  say(error: unknown): string;
  announce: HTMLElement;
  form: HTMLFormElement;
  textBox: HTMLTextAreaElement;
  /** Clears the form (a reply or an edit under way), as its Cancel button does. */
  resetForm(): void;
  /** Loads the first page of comments again, with the filter. */
  reload(): Promise<unknown>;
  /** Shows a comment on screen (its element) as it now is. */
  fill(li: HTMLElement, item: CommentItem): void;
}

interface Passages {
  version: number;
  passages: { from: number; to: number; comments: number }[];
  channelVersion: number;
}

type PassageOfItem = { version: number; from: number | null; to: number | null; changed: boolean };

const byId = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;
const storyBody = (): HTMLElement | null => byId("story-body");
const passageOfItem = (item: CommentItem): PassageOfItem | null => item.passage as unknown as PassageOfItem | null;
/** The blocks a reader may choose from the keyboard: paragraphs, headings and list items with text. */
const blocksOf = (body: HTMLElement): HTMLElement[] =>
  [...body.querySelectorAll<HTMLElement>("p, li, h2, h3, h4, h5, h6")].filter((b) => !b.querySelector("p, li") && runsOf(b).length > 0);

export function inlineFeedback(host: InlineHost) {
  const about = byId<HTMLElement>("comment-about");
  const choice = byId<HTMLSelectElement>("comment-about-choice");
  const quote = byId<HTMLElement>("comment-about-quote");
  const refusal = byId<HTMLElement>("comment-about-refusal");
  const filter = byId<HTMLSelectElement>("comments-filter");
  let chosen: Passage | null = null;
  // The counts on screen: the published version they are for, the channel version they were counted at, per passage.
  let counts = new Map<string, number>();
  let countsVersion = 0;
  let countedAt = 0;
  // Inline comments that arrived live (channel version, passage), so an answer asked for before they came is completed.
  let arrived: { version: number; of: number; at: string }[] = [];
  let showing: { from: number; to: number } | null = null;

  // The control a selection brings up, placed after the block the selection ends in, so Tab reaches it next.
  const tools = document.createElement("div");
  tools.className = "passage-tools";
  tools.hidden = true;
  const press = Object.assign(document.createElement("button"), { type: "button", className: "passage-comment", textContent: "Comment on this passage" });
  const note = Object.assign(document.createElement("p"), { className: "passage-note" });
  note.setAttribute("role", "status");
  tools.append(press, note);
  let pending: Passage | null = null;

  /** Shows what the form is about; a paragraph chosen in the list stays chosen there, a selection gets an entry of its own. */
  function showChosen(passage: Passage | null, label?: string, paragraph = false): void {
    chosen = passage;
    if (!choice || !quote || !refusal) {
      return;
    }
    refusal.hidden = true;
    quote.hidden = passage === null;
    quote.replaceChildren(...(passage ? [Object.assign(document.createElement("p"), { textContent: passage.shown })] : []));
    let option = choice.querySelector<HTMLOptionElement>('option[value="chosen"]');
    if (paragraph) {
      option?.remove();
      return;
    }
    if (passage && !option) {
      option = Object.assign(document.createElement("option"), { value: "chosen" });
      choice.options.add(option, 1);
    }
    if (option) {
      option.textContent = label ?? "The passage you selected";
      option.hidden = passage === null;
    }
    choice.value = passage ? "chosen" : "";
  }

  function paragraphOptions(): void {
    const body = storyBody();
    if (!choice || !body) {
      return;
    }
    [...choice.options].filter((o) => o.value.startsWith("p")).forEach((o) => o.remove());
    blocksOf(body).forEach((block, i) => {
      const text = (block.textContent ?? "").replace(/\s+/g, " ").trim();
      const start = text.length > 60 ? `${text.slice(0, 57)}…` : text;
      const kind = /^H\d$/.test(block.tagName) ? "Heading" : "Paragraph";
      choice.options.add(Object.assign(document.createElement("option"), { value: `p${i}`, textContent: `${kind} ${i + 1}: ${start}` }));
    });
  }

  /** Opens the comment form about a passage, with its quote shown, the cursor in the text box. */
  function commentOn(passage: Passage, label?: string): void {
    host.resetForm();
    showChosen(passage, label);
    tools.hidden = true;
    window.getSelection()?.removeAllRanges();
    host.form.scrollIntoView({ block: "nearest" });
    host.textBox.focus();
  }

  function selectionChanged(): void {
    const selection = window.getSelection();
    const story = byId<HTMLElement>("story");
    const body = storyBody();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !story || !body) {
      if (document.activeElement !== press) {
        tools.hidden = true;
      }
      return;
    }
    const range = selection.getRangeAt(0);
    if (!range.intersectsNode(story) || host.form.hidden) {
      tools.hidden = true;
      return;
    }
    const made = passageOf(body, range);
    pending = made.passage ?? null;
    press.hidden = pending === null;
    note.textContent = made.refusal ?? "";
    // After the block the selection ends in (or the story's head), and drawn just under the selection's end.
    const end = range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement;
    const block = end?.closest(".story-body > *, .story-head") ?? body.lastElementChild;
    if (block && tools.previousElementSibling !== block) {
      block.after(tools);
    }
    tools.hidden = false;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const frame = story.getBoundingClientRect();
    tools.style.top = `${last.bottom - frame.top + 6}px`;
    tools.style.left = `${Math.max(0, Math.min(last.right - frame.left - 40, frame.width - tools.offsetWidth))}px`;
  }

  let scheduled = 0;
  document.addEventListener("selectionchange", () => {
    window.clearTimeout(scheduled);
    scheduled = window.setTimeout(selectionChanged, 120);
  });
  press.addEventListener("click", () => {
    if (pending) {
      commentOn(pending);
    }
  });
  // Tab after a selection goes to its control, whatever the browser takes as the place focus moves on from.
  document.addEventListener("keydown", (e) => {
    const at = document.activeElement;
    if (e.key === "Tab" && !e.shiftKey && !tools.hidden && !press.hidden && (at === document.body || (at !== press && byId("story")?.contains(at)))) {
      e.preventDefault();
      press.focus();
    }
  });
  tools.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      tools.hidden = true;
    }
  });

  choice?.addEventListener("change", () => {
    const body = storyBody();
    if (choice.value === "" || !body) {
      showChosen(null);
      return;
    }
    if (choice.value === "chosen") {
      return;
    }
    const block = blocksOf(body)[Number(choice.value.slice(1))];
    const made = block ? passageOfBlock(body, block) : { refusal: "That paragraph is no longer in the story." };
    if (made.passage) {
      showChosen(made.passage, undefined, true);
    } else {
      showChosen(null);
      refusal!.textContent = made.refusal ?? "";
      refusal!.hidden = false;
    }
  });

  // ---- Marks: the passages with comments, and their counts. ----

  const key = (from: number, to: number): string => `${from}-${to}`;

  function clearMarks(body: HTMLElement): void {
    body.querySelectorAll(".passage-count").forEach((b) => b.remove());
    body.querySelectorAll("mark.passage").forEach((m) => m.replaceWith(...m.childNodes));
    runsOf(body).forEach((run) => run.normalize());
  }

  function drawMarks(): void {
    const body = storyBody();
    if (!body) {
      return;
    }
    clearMarks(body);
    if (Number(body.dataset.published) !== countsVersion) {
      return;
    }
    for (const [at, n] of counts) {
      const [from, to] = at.split("-").map(Number);
      const marks = markPassage(body, from, to, () => Object.assign(document.createElement("mark"), { className: "passage" }));
      if (marks.length === 0 || n < 1) {
        continue;
      }
      const count = Object.assign(document.createElement("button"), { type: "button", className: "passage-count" });
      const label = plural(n, "comment", "comments");
      // The visible label is drawn by CSS, so it never becomes part of the story's text (selections, finding one's place).
      count.dataset.label = label;
      count.dataset.from = String(from);
      count.dataset.to = String(to);
      count.setAttribute("aria-label", `${label} about this passage`);
      marks[marks.length - 1].after(count);
    }
  }

  let loading: Promise<void> | null = null;
  let again = false;
  /** Asks which passages have comments now; one question at a time, the last one asked again if needed. */
  function refreshPassages(): void {
    if (loading) {
      again = true;
      return;
    }
    loading = (async () => {
      for (let attempt = 0; attempt < 4; attempt++) {
        const answer = await host.call<Passages>("LoadPassages");
        counts = new Map(answer.passages.map((p) => [key(p.from, p.to), p.comments]));
        countsVersion = answer.version;
        countedAt = answer.channelVersion;
        arrived = arrived.filter((a) => a.version > answer.channelVersion);
        for (const a of arrived.filter((a) => a.of === answer.version)) {
          counts.set(a.at, (counts.get(a.at) ?? 0) + 1);
        }
        // The thread may not have followed the passages into the version just published yet.
        if (answer.version >= Number(storyBody()?.dataset.published ?? "0")) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
      drawMarks();
    })()
      .catch(() => undefined)
      .finally(() => {
        loading = null;
        if (again) {
          again = false;
          refreshPassages();
        }
      });
  }

  document.addEventListener("story:replaced", () => {
    tools.hidden = true;
    paragraphOptions();
    if (chosen) {
      showChosen(chosen, "The passage you chose");
    }
    refreshPassages();
    void requote().catch(() => undefined);
  });

  /** After an update, the inline comments on screen whose passage it changed say so (nothing moves). */
  async function requote(): Promise<void> {
    const shown = new Set([...document.querySelectorAll<HTMLElement>("#comment-list .comment:has(> .comment-body .comment-passage)")].map((c) => Number(c.dataset.id)));
    let cursor: string | null = null;
    for (let pages = 0; shown.size > 0 && pages < 5; pages++) {
      const page: CommentPage = await host.call<CommentPage>("LoadComments", "newest", cursor, true);
      for (const item of page.comments.filter((c) => shown.delete(c.id) && passageOfItem(c)?.changed)) {
        const li = document.getElementById(`comment-${item.id}`);
        if (li) {
          host.fill(li, { ...item, isMine: li.dataset.mine === "true" });
        }
      }
      if (!(cursor = page.nextCursor)) {
        break;
      }
    }
  }

  // The story's element is replaced on updates: one listener on the page catches presses on any count.
  document.addEventListener("click", (e) => {
    const count = (e.target as Element).closest<HTMLButtonElement>(".passage-count");
    if (count) {
      void showPassageComments(Number(count.dataset.from), Number(count.dataset.to));
    }
  });

  // ---- The filter: all comments, inline feedback only, or one passage's comments. ----

  async function showPassageComments(from: number, to: number): Promise<void> {
    if (!filter) {
      return;
    }
    showing = { from, to };
    let option = filter.querySelector<HTMLOptionElement>('option[value="passage"]');
    if (!option) {
      option = Object.assign(document.createElement("option"), { value: "passage" });
      filter.options.add(option);
    }
    option.textContent = "Comments on one passage";
    filter.value = "passage";
    try {
      await host.reload();
      const list = byId<HTMLElement>("comment-list");
      const first = list?.querySelector<HTMLElement>(":scope > .comment");
      (first ?? list)?.setAttribute("tabindex", "-1");
      (first ?? list)?.focus();
      host.announce.textContent = `Showing the comments on this passage. Choose "All comments" under Show to see every comment.`;
    } catch (error) {
      host.announce.textContent = host.say(error);
    }
  }

  filter?.addEventListener("change", () => {
    if (filter.value !== "passage") {
      showing = null;
      filter.querySelector('option[value="passage"]')?.remove();
    }
    void host.reload().catch((error: unknown) => (host.announce.textContent = host.say(error)));
  });

  const mode = (): string => filter?.value ?? "all";
  const onPassage = (item: CommentItem): boolean => {
    const p = passageOfItem(item);
    return p !== null && showing !== null && !p.changed && p.from === showing.from && p.to === showing.to;
  };

  /** A page of comments under the filter: one passage's are gathered from the inline pages (a passage has few). */
  async function loadPage(sort: string, cursor: string | null): Promise<CommentPage> {
    if (mode() !== "passage") {
      return host.call<CommentPage>("LoadComments", sort, cursor, mode() === "inline");
    }
    let page = await host.call<CommentPage>("LoadComments", sort, null, true);
    const found = page.comments.filter(onPassage);
    for (let pages = 1; page.nextCursor && pages < 10; pages++) {
      page = await host.call<CommentPage>("LoadComments", sort, page.nextCursor, true);
      found.push(...page.comments.filter(onPassage));
    }
    return { ...page, comments: found, nextCursor: null };
  }

  return {
    /** The anchor of the passage the form is about, for PostComment; null for a comment on the whole story. */
    anchor(): { version: number; from: number; to: number; quote: string } | null {
      return chosen ? { version: chosen.version, from: chosen.from, to: chosen.to, quote: chosen.quote } : null;
    },
    clear(): void {
      showChosen(null);
    },
    loadPage,
    /** Whether a top-level comment arriving live belongs in the list under the filter. */
    shows(item: CommentItem): boolean {
      return mode() === "all" || (mode() === "inline" ? item.passage !== null : onPassage(item));
    },
    /** Keeps the counts current with the comments channel (a version already counted is skipped). */
    seen(event: CommentEvent, version: number): void {
      if (version <= countedAt || arrived.some((a) => a.version === version)) {
        return;
      }
      const p = event.type === "comment.posted" ? passageOfItem(event.comment) : null;
      if (event.type === "comment.changed") {
        refreshPassages();
      } else if (p && !p.changed && p.from !== null && p.to !== null) {
        arrived.push({ version, of: p.version, at: key(p.from, p.to) });
        if (p.version !== countsVersion) {
          refreshPassages();
          return;
        }
        counts.set(key(p.from, p.to), (counts.get(key(p.from, p.to)) ?? 0) + 1);
        drawMarks();
      }
    },
    /** The connection is up: the controls that need it show, and the marks are drawn. */
    live(): void {
      if (about && !host.form.hidden) {
        about.hidden = false;
      }
      if (filter) {
        (filter.closest(".comments-filter") as HTMLElement | null)?.removeAttribute("hidden");
      }
      paragraphOptions();
      refreshPassages();
    },
  };
}
