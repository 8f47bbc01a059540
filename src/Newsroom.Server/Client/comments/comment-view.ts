// How a comment looks on the page: the server's <template> of _Comment.cshtml filled in, so a comment the script
// adds looks as the server renders it. Comment text is the server's safe HTML (Core's CommentHtml); names are only text.

export interface CommentItem {
  id: number;
  parentId: number | null;
  authorName: string | null;
  isStaff: boolean;
  text: string | null;
  html: string | null;
  postedAt: string;
  status: string;
  isEdited: boolean;
  featured: boolean;
  up: number;
  down: number;
  replyingTo: string | null;
  isMine: boolean;
  placeholder: string | null;
  passage: { quote: string; shownQuote?: string; changedNotice: string | null } | null;
  replies: CommentItem[];
  moreReplies: number;
  moreRepliesCursor: string | null;
  /** The reader's own vote; absent (or "none") in a broadcast, which has no reader. */
  myVote?: Vote;
}

export type Vote = "up" | "down" | "none";

export interface CommentPage {
  comments: CommentItem[];
  nextCursor: string | null;
  publishedCount: number;
  channelVersion: number;
}

export interface Rating {
  text: string;
  mine: number | null;
}

export type CommentEvent =
  | { type: "comment.posted"; comment: CommentItem; publishedCount: number }
  | { type: "comment.changed"; comment: CommentItem | null; gone: number[]; publishedCount: number; newlyFeatured: boolean }
  | { type: "comment.votes"; commentId: number; up: number; down: number }
  | { type: "article.rating"; rating: Rating };

/** Shows the reader's own vote on a comment as a pressed button. */
export function showMyVote(li: HTMLElement, vote: Vote): void {
  li.dataset.myVote = vote;
  li.querySelectorAll(":scope > .comment-body .comment-vote").forEach((b) =>
    b.setAttribute("aria-pressed", String((b as HTMLElement).dataset.vote === vote)),
  );
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "30 November 2026, 19:37 UTC", as the server writes it (ReaderText.Human), so a live comment looks like the others. */
export function humanTime(iso: string): string {
  const at = new Date(iso);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${at.getUTCDate()} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()}, ${two(at.getUTCHours())}:${two(at.getUTCMinutes())} UTC`;
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export interface CommentViewOptions {
  template: HTMLTemplateElement;
  /** Whether the thread takes comments (Reply shows only then). */
  open: boolean;
  /** How long after posting an author may edit or delete. */
  editWindowMs: number;
  /** The raw text of the comments on screen, for editing. */
  texts: Map<number, string>;
}

export function commentView({ template, open, editWindowMs, texts }: CommentViewOptions) {
  function render(item: CommentItem): HTMLElement {
    const li = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
    li.id = `comment-${item.id}`;
    li.dataset.id = String(item.id);
    fill(li, item);
    for (const reply of item.replies) {
      (li.querySelector(".comment-replies") as HTMLElement).append(render(reply));
    }
    if (item.moreReplies > 0 && item.moreRepliesCursor) {
      li.append(moreRepliesButton(item.moreReplies, item.moreRepliesCursor));
    }
    return li;
  }

  function fill(li: HTMLElement, item: CommentItem): void {
    const body = li.querySelector(".comment-body") as HTMLElement;
    li.dataset.status = item.status;
    li.dataset.featured = String(item.featured);
    li.dataset.mine = String(item.isMine);
    if (item.html === null) {
      const gone = document.createElement("p");
      gone.className = "comment-gone";
      gone.append(Object.assign(document.createElement("em"), { textContent: item.placeholder ?? "comment removed" }));
      body.replaceChildren(gone);
      return;
    }
    const fresh = (template.content.querySelector(".comment-body") as HTMLElement).cloneNode(true) as HTMLElement;
    body.replaceWith(fresh);
    const part = (selector: string): HTMLElement => fresh.querySelector(selector) as HTMLElement;
    part(".comment-author").textContent = item.authorName ?? "";
    part(".comment-staff").hidden = !item.isStaff;
    part(".comment-featured").hidden = !item.featured;
    part(".comment-edited").hidden = !item.isEdited;
    part(".comment-held").hidden = item.status !== "pending";
    const time = part(".comment-time");
    time.setAttribute("datetime", item.postedAt);
    time.textContent = humanTime(item.postedAt);
    const text = part(".comment-text");
    // CommentHtml's output: the text escaped, line breaks as <br>, web addresses as safe links; never the writer's markup.
    text.innerHTML = item.html;
    if (item.replyingTo) {
      const to = Object.assign(document.createElement("span"), { className: "comment-to", textContent: "@" });
      to.append(Object.assign(document.createElement("bdi"), { textContent: item.replyingTo }));
      text.prepend(to, " ");
    }
    if (item.passage) {
      const quote = document.createElement("blockquote");
      quote.className = "comment-passage";
      quote.append(Object.assign(document.createElement("p"), { textContent: item.passage.shownQuote ?? item.passage.quote }));
      if (item.passage.changedNotice) {
        quote.append(Object.assign(document.createElement("p"), { className: "meta", textContent: item.passage.changedNotice }));
      }
      text.before(quote);
    }
    part(".comment-up").textContent = String(item.up);
    part(".comment-down").textContent = String(item.down);
    if (item.text !== null) {
      texts.set(item.id, item.text);
    }
    showMyVote(li, item.myVote ?? "none");
    wire(fresh, item.isMine);
  }

  function wire(body: ParentNode, mine: boolean): void {
    body
      .querySelectorAll<HTMLButtonElement>(".comment-reply, .comment-report, .comment-notify")
      .forEach((b) => (b.hidden = !open && b.classList.contains("comment-reply")));
    // An author may edit or delete for the edit window after posting; the buttons go when it closes (the grain decides).
    const posted = Date.parse(body.querySelector(".comment-time")?.getAttribute("datetime") ?? "");
    const left = posted + editWindowMs - Date.now();
    const own = [...body.querySelectorAll<HTMLButtonElement>(".comment-edit, .comment-delete")];
    own.forEach((b) => (b.hidden = !(mine && left > 0)));
    if (mine && left > 0) {
      setTimeout(() => own.forEach((b) => (b.hidden = true)), left);
    }
  }

  function moreRepliesButton(count: number, cursor: string): HTMLButtonElement {
    const button = Object.assign(document.createElement("button"), {
      type: "button",
      className: "comment-more-replies link-button",
      textContent: plural(count, "more reply", "more replies"),
    });
    button.dataset.cursor = cursor;
    button.dataset.remaining = String(count);
    return button;
  }

  return { render, fill, wire, moreRepliesButton };
}
