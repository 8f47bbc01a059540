// The moderation queue page: the server rendered the first page; this keeps it live on moderation:newsroom (through
// the staff hub, catching up from the version the page shows), loads more, and sends moderators' decisions.
// New entries are appended at the end (the list is longest waiting first), so nothing a moderator reads moves; an
// entry decided anywhere leaves at once, and the focus goes to the next entry when it was in the one that left.
import { ChannelEnvelope, LiveConnection, LiveStatus } from "./live/live-connection";
import { hubErrorMessage } from "./drafts/protocol";
import { ModerationEntry, ModerationEvent, ModerationQueuePage, QueueCounts, matches, renderEntry } from "./moderation/queue-entry";
import { followOverStaffHub } from "./notifications/follow-toggle";

const section = document.getElementById("queue") as HTMLElement;
const list = document.getElementById("queue-list") as HTMLOListElement;
const empty = document.getElementById("queue-empty") as HTMLElement;
const more = document.getElementById("queue-more") as HTMLButtonElement;
const pageError = document.getElementById("queue-error") as HTMLElement;
const liveStatus = document.getElementById("queue-live") as HTMLElement;
const announce = document.getElementById("queue-announce") as HTMLElement;
const decisions = document.getElementById("queue-decisions") as HTMLOListElement;
const template = document.getElementById("queue-entry-template") as HTMLTemplateElement;
const heading = document.getElementById("queue-heading") as HTMLElement;
const show = section.dataset.show ?? "all";
const staffNames = JSON.parse(section.dataset.staff ?? "{}") as Record<string, string>;
const rules = JSON.parse(section.dataset.rules ?? "{}") as Record<string, string>;
const channel = "moderation:newsroom";
const pageSize = 50;
const shownDecisions = 5;

let nextCursor: string | null = section.dataset.next || null;
let firstJoin = true;
const headlines = new Map<string, string>();
for (const link of list.querySelectorAll<HTMLAnchorElement>(".queue-headline")) {
  const slug = link.closest<HTMLElement>(".queue-entry")?.dataset.slug;
  if (slug) {
    headlines.set(slug, link.textContent ?? slug);
  }
}
// Decisions this page already listed (its own, answered before the event came), so none is listed twice.
const listed = new Set<string>();

const statusText: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live: new comments are added at the end; decided ones leave at once.",
  reconnecting: "Connection lost; reconnecting…",
  offline: "Offline; retrying…",
};

const live = new LiveConnection("/hubs/staff", (s) => {
  liveStatus.textContent = statusText[s];
  section.dataset.live = s;
});

// "Follow the queue": each comment that comes to wait is then in this moderator's inbox (and email), page open or not.
const followError = document.getElementById("queue-follow-error") as HTMLElement;
followOverStaffHub(live, document.querySelector(".queue-follow") as HTMLElement, (message) => {
  followError.textContent = message;
  followError.hidden = false;
}).bind(document.getElementById("queue-follow") as HTMLButtonElement, "moderation");

const entryOf = (key: string): HTMLElement | null => list.querySelector<HTMLElement>(`.queue-entry[data-key="${CSS.escape(key)}"]`);
const keyOf = (slug: string, id: number): string => `${slug}:${String(id).padStart(12, "0")}`;

function setCounts(counts: QueueCounts): void {
  const byFilter: Record<string, number> = {
    all: counts.pendingCount + counts.reportedCount,
    "awaiting-approval": counts.pendingCount - counts.heldByRuleCount,
    "held-by-rule": counts.heldByRuleCount,
    reported: counts.reportedCount,
  };
  for (const tab of section.querySelectorAll<HTMLAnchorElement>(".queue-tabs a[data-filter]")) {
    const count = tab.querySelector(".queue-count");
    if (count) {
      count.textContent = String(byFilter[tab.dataset.filter ?? "all"] ?? 0);
    }
  }
}

function syncEmpty(): void {
  empty.hidden = list.children.length > 0;
  more.hidden = nextCursor === null;
}

function render(entry: ModerationEntry): HTMLLIElement {
  const li = renderEntry(template, entry, headlines.get(entry.slug) ?? entry.slug, rules);
  if (!headlines.has(entry.slug)) {
    void lookUpHeadline(entry.slug);
  }
  return li;
}

async function lookUpHeadline(slug: string): Promise<void> {
  const found = await live.invoke<Record<string, string>>("StoryHeadlines", [slug]).catch(() => ({}) as Record<string, string>);
  const headline = found[slug];
  if (headline) {
    headlines.set(slug, headline);
    for (const link of list.querySelectorAll<HTMLAnchorElement>(`.queue-entry[data-slug="${CSS.escape(slug)}"] .queue-headline`)) {
      link.textContent = headline;
    }
  }
}

/** Puts a new rendering of an entry in place of the old one, keeping the reason typed and the focus. */
function replace(old: HTMLElement, fresh: HTMLLIElement): void {
  const reason = old.querySelector<HTMLInputElement>(".queue-reason")?.value ?? "";
  const focused = document.activeElement instanceof HTMLElement && old.contains(document.activeElement) ? document.activeElement : null;
  const focusedAction = focused?.dataset.action;
  old.replaceWith(fresh);
  (fresh.querySelector(".queue-reason") as HTMLInputElement).value = reason;
  if (focused) {
    const target = focusedAction ? fresh.querySelector<HTMLElement>(`[data-action="${focusedAction}"]`)
      : focused.classList.contains("queue-reason") ? fresh.querySelector<HTMLElement>(".queue-reason") : fresh;
    (target ?? fresh).focus();
  }
}

/** Takes an entry off the list; if the focus was in it, it goes to the next entry, or the one before, or the heading. */
function removeEntry(el: HTMLElement): void {
  const hadFocus = document.activeElement instanceof Node && el.contains(document.activeElement);
  const next = (el.nextElementSibling ?? el.previousElementSibling) as HTMLElement | null;
  el.remove();
  syncEmpty();
  if (hadFocus) {
    (next ?? (empty.hidden ? heading : empty)).focus();
  }
}

const actionWords: Record<string, string> = {
  approve: "Approved",
  reject: "Rejected",
  remove: "Deleted",
  feature: "Featured",
  unfeature: "No longer featured",
  ban: "Author banned",
};

function noteDecision(key: string, what: string, by: string | null, reason: string | null, about: string): void {
  const item = document.createElement("li");
  item.dataset.key = key.split("|")[0];
  const who = by ? ` by ${staffNames[by] ?? by}` : "";
  item.textContent = `${what}${who}${reason ? ` · ${reason}` : ""}`;
  const detail = document.createElement("span");
  detail.className = "meta";
  detail.textContent = ` (${about})`;
  item.append(detail);
  decisions.prepend(item);
  while (decisions.children.length > shownDecisions) {
    decisions.lastElementChild?.remove();
  }
  listed.add(key);
}

function describe(el: HTMLElement | null, fallback: string): string {
  if (!el) {
    return fallback;
  }
  const author = el.querySelector(".queue-author")?.textContent ?? "";
  const headline = el.querySelector(".queue-headline")?.textContent ?? "";
  return `${author}’s comment on “${headline}”`;
}

function apply(event: ModerationEvent): void {
  setCounts(event);
  if (event.type === "moderation.queued") {
    const entry = event.entry;
    const el = entryOf(entry.key);
    if (el && matches(entry, show)) {
      replace(el, render(entry));
    } else if (el) {
      removeEntry(el);
    } else if (matches(entry, show) && nextCursor === null) {
      // Longest waiting first: a new one belongs at the end, below what the moderator is reading.
      list.append(render(entry));
      syncEmpty();
      announce.textContent = `New in the queue: ${entry.authorName}’s comment on “${headlines.get(entry.slug) ?? entry.slug}”.`;
    }
    return;
  }

  const key = keyOf(event.slug, event.commentId);
  const el = entryOf(key);
  const decisionKey = `${key}|${event.action ?? ""}`;
  if (!listed.has(decisionKey) && (el || event.action)) {
    const what = event.action ? actionWords[event.action] ?? event.action : "No longer waits (deleted by its author)";
    noteDecision(decisionKey, what, event.by, event.reason, describe(el, `comment ${event.commentId} on ${headlines.get(event.slug) ?? event.slug}`));
  }
  if (el) {
    removeEntry(el);
  }
}

function showPage(page: ModerationQueuePage, append: boolean): void {
  const focusedKey = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>(".queue-entry")?.dataset.key;
  const rendered = page.entries.filter((e) => !append || !entryOf(e.key)).map(render);
  if (append) {
    list.append(...rendered);
  } else {
    list.replaceChildren(...rendered);
    if (focusedKey) {
      entryOf(focusedKey)?.focus();
    }
  }
  nextCursor = page.nextCursor;
  setCounts(page);
  syncEmpty();
}

async function readQueue(max: number, cursor: string | null): Promise<ModerationQueuePage> {
  const view = await live.invoke<{ page: ModerationQueuePage; headlines: Record<string, string> }>("ModerationQueue", show, max, cursor);
  for (const [slug, headline] of Object.entries(view.headlines)) {
    headlines.set(slug, headline);
  }
  return view.page;
}

live.channel<ModerationEvent>(channel, {
  async load() {
    const shown = Number(section.dataset.version ?? "0");
    if (firstJoin) {
      firstJoin = false;
      const missed = await live
        .invoke<{ events: ChannelEnvelope<ModerationEvent>[] | null }>("CatchUp", channel, shown)
        .catch(() => ({ events: null }));
      if (missed.events !== null && missed.events.every((e, i) => e.version === shown + 1 + i)) {
        missed.events.forEach((e) => apply(e.event));
        return shown + missed.events.length;
      }
    }
    // Too far behind (or reconnected): the queue as it is now, as much of it as was on screen.
    const page = await readQueue(Math.min(200, Math.max(pageSize, list.children.length)), null);
    showPage(page, false);
    section.dataset.version = String(page.channelVersion);
    return page.channelVersion;
  },
  apply(envelope: ChannelEnvelope<ModerationEvent>) {
    apply(envelope.event);
    section.dataset.version = String(envelope.version);
  },
});

more.addEventListener("click", async () => {
  pageError.hidden = true;
  more.setAttribute("aria-disabled", "true");
  try {
    const before = list.children.length;
    showPage(await readQueue(pageSize, nextCursor), true);
    (list.children[before] as HTMLElement | undefined)?.focus();
  } catch (failure) {
    pageError.textContent = hubErrorMessage(failure) ?? "The queue could not be loaded; try again once the connection is back.";
    pageError.hidden = false;
  } finally {
    more.removeAttribute("aria-disabled");
  }
});

const needsReason = new Set(["reject", "remove", "ban"]);

list.addEventListener("click", async (e) => {
  const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-action]");
  const el = button?.closest<HTMLElement>(".queue-entry");
  if (!button || !el || button.getAttribute("aria-disabled") === "true") {
    return;
  }
  const action = button.dataset.action ?? "";
  const slug = el.dataset.slug ?? "";
  const id = Number(el.dataset.id);
  const key = el.dataset.key ?? "";
  const reasonInput = el.querySelector(".queue-reason") as HTMLInputElement;
  const error = el.querySelector(".queue-error") as HTMLElement;
  const outcome = el.querySelector(".queue-outcome") as HTMLElement;
  const reason = reasonInput.value.trim();
  error.hidden = true;
  if (needsReason.has(action) && reason === "") {
    error.textContent = `Give a reason to ${action === "remove" ? "delete this comment" : action === "ban" ? "ban its author" : "reject this comment"}: it is kept in the record.`;
    error.hidden = false;
    reasonInput.focus();
    return;
  }

  const buttons = [...el.querySelectorAll<HTMLButtonElement>("button[data-action]")];
  buttons.forEach((b) => b.setAttribute("aria-disabled", "true"));
  const about = describe(el, "");
  try {
    const pending = el.dataset.status === "pending";
    if (action === "feature" && pending) {
      await live.invoke("ModerateComment", slug, id, "approve", reason || null);
    }
    await live.invoke("ModerateComment", slug, id, action, reason || null);
    const me = section.dataset.me ?? null;
    if (action === "ban" && el.isConnected) {
      // The comment itself still waits: say so in the entry, and leave approve, reject and delete to do.
      outcome.textContent = `Author banned · ${reason}. The comment still waits for approve, reject or delete.`;
      outcome.hidden = false;
      if (!listed.has(`${key}|ban`)) {
        noteDecision(`${key}|ban`, actionWords.ban, me, reason, about);
      }
    } else if (el.isConnected) {
      const what = action === "feature" && pending ? "Approved and featured" : actionWords[action] ?? action;
      noteDecision(`${key}|${action === "feature" && pending ? "approve" : action}`, what, me, reason || null, about);
      removeEntry(el);
    }
  } catch (failure) {
    error.textContent = hubErrorMessage(failure) ?? "The decision was not sent: the connection dropped. Try again once it is back.";
    error.hidden = false;
  } finally {
    buttons.forEach((b) => b.removeAttribute("aria-disabled"));
  }
});

syncEmpty();
void live.start();
