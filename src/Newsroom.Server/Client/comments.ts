import { hubErrorMessage } from "./drafts/protocol";
import { articleRating } from "./comments/article-rating";
import { CommentEvent, CommentItem, CommentPage, Vote, commentView, plural, showMyVote } from "./comments/comment-view";
import { focusOn, handOverFocus } from "./comments/focus";
import { recallGuest, rememberGuest } from "./comments/guest-memory";
import { inlineFeedback } from "./comments/inline-feedback";
import { CommentMarks, showOwnMarks } from "./comments/own-marks";
import { Sort, placeTopLevel } from "./comments/placing";
import { postResend } from "./comments/post-resend";
import { reportForm } from "./comments/report-form";
import { waitingView } from "./comments/waiting-view";
import { ChannelEnvelope, LiveConnection } from "./live/live-connection";

// The comments under a story, live. The server renders the first page into the article page (kept in the page cache,
// so up to a minute old, at the channel version in data-version); this script catches up from there when it joins
// comments:{slug}, then applies each event. New comments wait behind a button so nothing on screen moves until the
// reader asks. Comment text arrives as the server's safe HTML (Core's CommentHtml); names are only ever text.

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

export function followComments(live: LiveConnection, slug: string): void {
  const section = byId<HTMLElement>("comments");
  if (!section) {
    return;
  }
  const list = byId<HTMLOListElement>("comment-list");
  const template = byId<HTMLTemplateElement>("comment-template");
  const newButton = byId<HTMLButtonElement>("comments-new");
  const announce = byId<HTMLElement>("comments-announce");
  const form = byId<HTMLFormElement>("comment-form");
  const textBox = byId<HTMLTextAreaElement>("comment-text");
  const nameBox = byId<HTMLInputElement>("comment-name");
  const emailBox = byId<HTMLInputElement>("comment-email");
  const warning = byId<HTMLElement>("comment-warning");
  const submit = byId<HTMLButtonElement>("comment-submit");
  const cancel = byId<HTMLButtonElement>("comment-cancel");
  const replying = byId<HTMLElement>("comment-replying");
  const sort = byId<HTMLSelectElement>("comments-sort");
  const stars = byId<HTMLFieldSetElement>("rating-stars");
  const channel = `comments:${slug}`;
  const open = section.dataset.open === "true";
  const editWindowMs = Number(section.dataset.editWindow ?? "0") * 1000;
  const texts = new Map<number, string>();
  let joined = false;
  let replyTo: number | null = null;
  let editing: number | null = null;
  let warnedFor: string | null = null;
  // The Reply or Edit button that opened the form under a comment: the focus goes back there on Cancel.
  let opener: HTMLElement | null = null;
  let next = byId<HTMLButtonElement>("comments-more")?.dataset.cursor ?? null;
  const resend = postResend(textBox, submit);

  const find = (id: number): HTMLElement | null => document.getElementById(`comment-${id}`);
  const call = <T>(method: string, ...args: unknown[]): Promise<T> => live.invoke<T>(method, slug, ...args);
  const say = (error: unknown): string => hubErrorMessage(error) ?? "The newsroom could not be reached; try again.";

  const { render, fill, wire, moreRepliesButton } = commentView({ template, open, editWindowMs, texts });
  const report = reportForm({ template: byId("comment-report-template"), announce, send: (id, reason) => call("ReportComment", id, reason), say });
  const rating = articleRating({ stars, text: byId("rating-text"), call, failed: (error) => (announce.textContent = say(error)) });
  const inline = inlineFeedback({ call, say, announce, form, textBox, resetForm: () => resetForm(), reload: () => reload(), fill });
  const { waiting, showWaiting, showWaitingReplies, arrived, changed, moveFeatured, pressNew, pressNewReplies } = waitingView({
    list,
    newButton,
    announce,
    sort: () => sort.value as Sort,
    find,
    render,
    place,
    loadReplies: (parentId) => call<CommentPage>("LoadReplies", parentId, null),
  });

  function setCount(count: number): void {
    byId<HTMLElement>("comment-count").textContent = plural(count, "comment", "comments");
  }

  /** Puts a comment on screen where it belongs (top-level: by the sort; a reply: last under its parent); null if not shown. */
  function place(item: CommentItem): HTMLElement | null {
    if (find(item.id) || (item.parentId === null && !inline.shows(item))) {
      return null;
    }
    const li = render(item);
    if (item.parentId !== null) {
      const replies = find(item.parentId)?.querySelector(":scope > .comment-replies");
      replies?.append(li);
      return replies ? li : null;
    }
    return placeTopLevel(list, li, item, sort.value as Sort, next === null) ? li : null;
  }

  /** Takes the form out of a comment that leaves the page, keeping what the reader typed. */
  function rescueForm(li: HTMLElement): void {
    if (li.contains(form)) {
      const text = textBox.value;
      resetForm();
      textBox.value = text;
      warning.textContent = "The comment you were answering was removed; your text is still here.";
      warning.hidden = false;
      textBox.focus();
    }
  }

  function apply(event: CommentEvent, atOnce: boolean, version = 0): void {
    inline.seen(event, version);
    switch (event.type) {
      case "comment.posted": {
        setCount(event.publishedCount);
        const item = event.comment;
        if (find(item.id)) {
          return;
        }
        if (atOnce) {
          place(item);
        } else {
          arrived(item);
        }
        return;
      }
      case "comment.changed": {
        setCount(event.publishedCount);
        const gone = new Set(event.gone);
        const item = event.comment;
        if (item) {
          const el = find(item.id);
          if (el && item.html === null && !el.querySelector(".comment-replies > .comment")) {
            gone.add(item.id);
          }
          if (el && !gone.has(item.id)) {
            const hadFocus = el.contains(document.activeElement);
            fill(el, { ...item, isMine: el.dataset.mine === "true", myVote: (el.dataset.myVote ?? "none") as Vote });
            // A deleted comment kept for its replies loses its buttons: the focus stays on the comment.
            if (hadFocus && !el.contains(document.activeElement)) {
              focusOn(el);
            }
          }
          changed(item, event.newlyFeatured);
        }
        for (const id of gone) {
          const li = find(id);
          if (li) {
            rescueForm(li);
            handOverFocus(li, byId<HTMLElement>("comments-heading"));
            li.remove();
          }
        }
        waiting.remove(gone);
        if (atOnce) {
          // Catching up a kept page happens before the reader reads: featured comments go straight to the top.
          moveFeatured();
        }
        showWaiting();
        return;
      }
      case "comment.votes": {
        const el = find(event.commentId);
        el?.querySelector(":scope > .comment-body .comment-up")?.replaceChildren(String(event.up));
        el?.querySelector(":scope > .comment-body .comment-down")?.replaceChildren(String(event.down));
        return;
      }
      case "article.rating":
        byId<HTMLElement>("rating-text").textContent = event.rating.text;
        return;
    }
  }

  async function reload(): Promise<number> {
    const page = await inline.loadPage(sort.value, null);
    list.replaceChildren(...page.comments.map(render));
    waiting.clear();
    showWaiting();
    setCount(page.publishedCount);
    setNext(page.nextCursor, "View all comments");
    return page.channelVersion;
  }

  function setNext(cursor: string | null, label: string): void {
    next = cursor;
    let more = byId<HTMLButtonElement>("comments-more");
    if (!more && cursor) {
      more = Object.assign(document.createElement("button"), { type: "button", id: "comments-more", className: "secondary" });
      list.after(more);
    }
    if (more) {
      more.hidden = cursor === null;
      more.dataset.cursor = cursor ?? "";
      more.textContent = label;
    }
  }

  live.channel<CommentEvent>(channel, {
    async load() {
      if (!joined) {
        joined = true;
        // The page may be a minute old: what happened since it was rendered is applied at once, before the reader reads.
        const shown = Number(section.dataset.version ?? "0");
        const missed = await live
          .invoke<{ events: ChannelEnvelope<CommentEvent>[] | null }>("CatchUp", channel, shown)
          .catch(() => ({ events: null }));
        if (missed.events !== null) {
          missed.events.forEach((e) => apply(e.event, true, e.version));
          return shown + missed.events.length;
        }
      }
      return reload();
    },
    apply(envelope) {
      apply(envelope.event, false, envelope.version);
    },
  });

  const staff = section.dataset.staff === "true";
  (form.querySelector(".comment-guest") as HTMLElement).hidden = staff;
  recallGuest(nameBox, emailBox);

  function resetForm(): void {
    resend.renew();
    opener = null;
    replyTo = null;
    editing = null;
    warnedFor = null;
    inline.clear();
    textBox.value = "";
    warning.hidden = true;
    replying.hidden = true;
    cancel.hidden = true;
    submit.textContent = "Post comment";
    section.insertBefore(form, section.querySelector(".comments-sort"));
  }

  function formUnder(li: HTMLElement, label: string): void {
    li.querySelector(":scope > .comment-body")?.after(form);
    replying.hidden = false;
    replying.textContent = label;
    cancel.hidden = false;
    warning.hidden = true;
    warnedFor = null;
    textBox.focus();
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // A second Enter while the first is on its way would post twice (and meet the rate limit).
    if (submit.getAttribute("aria-disabled") !== "true") {
      void send();
    }
  });
  cancel.addEventListener("click", () => {
    const back = opener;
    resetForm();
    focusOn(back?.isConnected ? back : textBox);
  });
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && !cancel.hidden) {
      e.preventDefault();
      cancel.click();
    }
  });

  async function send(): Promise<void> {
    resend.begin();
    const text = textBox.value;
    const post = { text, replyTo, name: nameBox.value, email: emailBox.value, anchor: inline.anchor(), key: resend.key };
    submit.setAttribute("aria-disabled", "true");
    let sendAgain = false;
    try {
      if (editing !== null) {
        const item = await call<CommentItem>("EditComment", editing, text);
        const el = find(item.id);
        if (el) {
          fill(el, item);
        }
        resetForm();
        focusOn(el);
        return;
      }
      if (!staff) {
        rememberGuest(nameBox, emailBox);
      }
      if (warnedFor !== text) {
        const check = await call<{ outcome: string; message: string | null; rephrasingHelps: boolean }>("CheckComment", post);
        // Only when rewording could change it: a guest's first comments wait for a moderator whatever they say.
        if (check.outcome === "hold" && check.rephrasingHelps && check.message) {
          // Say it before posting, so the writer may rephrase; pressing again posts as it is.
          warnedFor = text;
          warning.textContent = `${check.message} You may rephrase, or post it as it is.`;
          warning.hidden = false;
          submit.textContent = "Post anyway";
          return;
        }
        if (check.outcome === "refuse" && check.message) {
          warning.textContent = check.message;
          warning.hidden = false;
          return;
        }
      }
      const posted = await call<{ comment: CommentItem; held: boolean; heldBecause: string | null }>("PostComment", post);
      waiting.forget(posted.comment.id);
      showWaiting();
      place(posted.comment);
      if (posted.comment.parentId !== null) {
        showWaitingReplies(posted.comment.parentId);
      }
      resetForm();
      // The reader goes on at their comment, where a reload would show it (or at the form, if it is not on screen).
      focusOn(find(posted.comment.id) ?? textBox);
      announce.textContent = posted.held
        ? `Your comment waits for a moderator${posted.heldBecause ? `: ${posted.heldBecause}` : "."}`
        : "Your comment is posted.";
    } catch (error) {
      // Not answered: the comment stays here, unchanged, and goes again with the same key (post-resend.ts).
      const kept = editing === null ? resend.notice(hubErrorMessage(error)) : null;
      sendAgain = kept !== null;
      warning.textContent = kept ?? say(error);
      warning.hidden = false;
    } finally {
      if (sendAgain) {
        resend.schedule(() => void send());
      } else if (!resend.pending) {
        resend.stop();
      }
    }
  }

  section.addEventListener("click", (e) => {
    const button = (e.target as Element).closest("button");
    if (!button || button.getAttribute("aria-disabled") === "true") {
      return;
    }
    const li = button.closest<HTMLElement>(".comment");
    const id = Number(li?.dataset.id);
    const pressed = (action: () => Promise<void>): void => {
      button.setAttribute("aria-disabled", "true");
      void action()
        .catch((error: unknown) => {
          announce.textContent = say(error);
        })
        .finally(() => button.removeAttribute("aria-disabled"));
    };
    if (button === newButton) {
      pressNew();
    } else if (button.classList.contains("comment-new-replies")) {
      pressNewReplies(Number(button.dataset.parent));
    } else if (button.id === "comments-more") {
      pressed(async () => {
        const page = await inline.loadPage(sort.value, button.dataset.cursor ?? null);
        page.comments.forEach(place);
        setNext(page.nextCursor, "Load more");
      });
    } else if (button.classList.contains("comment-more-replies") && li) {
      pressed(async () => {
        const page = await call<CommentPage>("LoadReplies", id, button.dataset.cursor);
        page.comments.forEach(place);
        const left = Number(button.dataset.remaining) - page.comments.length;
        if (page.nextCursor && left > 0) {
          button.replaceWith(moreRepliesButton(left, page.nextCursor));
        } else {
          button.remove();
        }
      });
    } else if (button.classList.contains("comment-vote") && li) {
      const wasPressed = button.getAttribute("aria-pressed") === "true";
      pressed(async () => {
        const item = await call<CommentItem>("VoteComment", id, wasPressed ? "none" : button.dataset.vote);
        showMyVote(li, wasPressed ? "none" : ((button.dataset.vote ?? "none") as Vote));
        apply({ type: "comment.votes", commentId: id, up: item.up, down: item.down }, true);
      });
    } else if (button.classList.contains("comment-reply") && li) {
      resetForm();
      opener = button;
      replyTo = id;
      formUnder(li, `Replying to ${li.querySelector(".comment-author")?.textContent ?? ""}`);
      submit.textContent = "Post reply";
    } else if (button.classList.contains("comment-edit") && li) {
      resetForm();
      opener = button;
      editing = id;
      formUnder(li, "Editing your comment");
      textBox.value = texts.get(id) ?? "";
      submit.textContent = "Save";
    } else if (button.classList.contains("comment-delete") && li && window.confirm("Delete your comment?")) {
      pressed(() => call("DeleteComment", id));
    } else if (button.classList.contains("comment-report") && li) {
      report.open(li, id, button);
    }
  });

  sort.addEventListener("change", () => void reload().catch((error: unknown) => (announce.textContent = say(error))));

  // What works only with the script (the form, replies, reports, sorting, rating) shows once the connection is up.
  live.onStatus((status) => {
    if (status !== "live") {
      return;
    }
    form.hidden = !open;
    (section.querySelector(".comments-sort") as HTMLElement).hidden = false;
    inline.live();
    rating.live(open);
    section.querySelectorAll<HTMLElement>(".comment-body").forEach((b) => wire(b, b.parentElement?.dataset.mine === "true"));
    void showOwnMarks(list, (ids) => call<CommentMarks>("GetMyMarks", ids), wire).catch(() => undefined);
  });
}
