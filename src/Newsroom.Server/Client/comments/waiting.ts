import { CommentItem, plural } from "./comment-view";

// What arrived live and waits for the reader to press a button, so nothing they read moves by itself: new top-level
// comments and newly featured ones (behind "N new comments" above the list), and new replies under a comment on
// screen (behind "N new replies" under it). A reply to a comment that is itself still waiting goes with it, so it
// shows when the reader presses that button; none is lost.

export class WaitingComments {
  /** New top-level comments, in arrival order. */
  top: CommentItem[] = [];
  /** New replies under comments on screen, by the comment they answer. */
  readonly replies = new Map<number, CommentItem[]>();
  /** Comments a moderator featured since the page showed them: they move to the top when the reader asks. */
  readonly featured = new Map<number, CommentItem>();

  get topCount(): number {
    return this.top.length + [...this.featured.keys()].filter((id) => !this.top.some((c) => c.id === id)).length;
  }

  /** "2 new comments", "1 newly featured comment", "2 new comments, 1 newly featured". */
  topLabel(): string {
    const fresh = this.top.length;
    const featured = this.topCount - fresh;
    if (featured === 0) {
      return plural(fresh, "new comment", "new comments");
    }
    return fresh === 0
      ? plural(featured, "newly featured comment", "newly featured comments")
      : `${plural(fresh, "new comment", "new comments")}, ${featured} newly featured`;
  }

  /** Puts a reply under a comment that is itself waiting; false when its parent is not waiting. */
  attach(reply: CommentItem): boolean {
    const parent = this.find(reply.parentId ?? -1);
    if (!parent) {
      return false;
    }
    if (!this.find(reply.id)) {
      parent.replies.push(reply);
    }
    return true;
  }

  /** Takes in an edit, a removal or a (un)feature of a waiting comment, keeping the replies waiting with it. */
  change(item: CommentItem): void {
    const swap = (list: CommentItem[]): CommentItem[] =>
      list
        .map((c) => (c.id === item.id ? { ...item, replies: c.replies } : { ...c, replies: swap(c.replies) }))
        // A gone comment is dropped unless replies keep its place (then it shows as "comment removed").
        .filter((c) => c.html !== null || c.replies.length > 0);
    this.top = swap(this.top);
    for (const [parent, list] of this.replies) {
      this.replies.set(parent, swap(list));
    }
    if (this.featured.has(item.id)) {
      this.featured.set(item.id, { ...item, replies: this.featured.get(item.id)!.replies });
    }
  }

  remove(gone: Set<number>): void {
    const drop = (list: CommentItem[]): CommentItem[] =>
      list.filter((c) => !gone.has(c.id)).map((c) => ({ ...c, replies: drop(c.replies) }));
    this.top = drop(this.top);
    for (const [parent, list] of this.replies) {
      this.replies.set(parent, drop(list));
    }
    gone.forEach((id) => this.featured.delete(id));
  }

  /** Forgets one comment wherever it waits (the writer's own, shown at once). */
  forget(id: number): void {
    this.remove(new Set([id]));
  }

  clear(): void {
    this.top = [];
    this.replies.clear();
    this.featured.clear();
  }

  private find(id: number): CommentItem | null {
    const search = (list: CommentItem[]): CommentItem | null => {
      for (const c of list) {
        const found = c.id === id ? c : search(c.replies);
        if (found) {
          return found;
        }
      }
      return null;
    };
    return search(this.top) ?? search([...this.replies.values()].flat());
  }
}
