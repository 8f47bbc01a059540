// One comment of the moderation queue: the server's <template> of _QueueEntry.cshtml filled in, so an entry that
// arrives live looks as the server renders it. The comment is the server's safe HTML (Core's CommentHtml, rendered by
// the thread); names, headlines, rules and report reasons are only ever text.

export interface ModerationEntry {
  slug: string;
  commentId: number;
  authorName: string;
  isStaff: boolean;
  html: string;
  status: string;
  heldBy: string;
  holdReason: string | null;
  reportCount: number;
  reportReasons: string[];
  postedAt: string;
  since: string;
  isPending: boolean;
  isReported: boolean;
  isHeldByRule: boolean;
  key: string;
  authorPublished: number;
  authorRejected: number;
}

export interface QueueCounts {
  pendingCount: number;
  reportedCount: number;
  heldByRuleCount: number;
}

export interface ModerationQueuePage extends QueueCounts {
  entries: ModerationEntry[];
  nextCursor: string | null;
  channelVersion: number;
}

export type ModerationEvent =
  | ({ type: "moderation.queued"; entry: ModerationEntry } & QueueCounts)
  | ({ type: "moderation.decided"; slug: string; commentId: number; action: string | null; by: string | null; reason: string | null } & QueueCounts);

/** Whether an entry belongs in a part of the queue, as the grain's ModerationEntry.Matches decides. */
export function matches(entry: ModerationEntry, filter: string): boolean {
  switch (filter) {
    case "pending":
      return entry.isPending;
    case "awaiting-approval":
      return entry.isPending && !entry.isHeldByRule;
    case "held-by-rule":
      return entry.isHeldByRule;
    case "reported":
      return entry.isReported;
    default:
      return true;
  }
}

/** As ReaderText.Human on the server: "30 November 2026, 19:40 UTC". */
export function humanTime(iso: string): string {
  const at = new Date(iso);
  const date = at.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
  const time = at.toLocaleTimeString("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${date}, ${time} UTC`;
}

export function entryDomId(slug: string, id: number): string {
  return `entry-${slug}-${id}`;
}

export function renderEntry(template: HTMLTemplateElement, entry: ModerationEntry, headline: string, rules: Record<string, string>): HTMLLIElement {
  const li = (template.content.firstElementChild as HTMLLIElement).cloneNode(true) as HTMLLIElement;
  const dom = entryDomId(entry.slug, entry.commentId);
  const part = <T extends HTMLElement>(selector: string): T => li.querySelector(selector) as T;
  li.id = dom;
  li.dataset.key = entry.key;
  li.dataset.slug = entry.slug;
  li.dataset.id = String(entry.commentId);
  li.dataset.status = entry.status;
  li.setAttribute("aria-labelledby", `${dom}-label`);

  const label = part(".queue-story");
  label.id = `${dom}-label`;
  part(".queue-author").textContent = entry.authorName;
  const kind = part(".queue-kind");
  kind.dataset.staff = String(entry.isStaff);
  kind.textContent = entry.isStaff ? "Staff" : "Guest";
  const link = part<HTMLAnchorElement>(".queue-headline");
  link.href = `/articles/${encodeURIComponent(entry.slug)}#comment-${entry.commentId}`;
  link.textContent = headline;
  // As QueueModel.Record on the server.
  part(".queue-record").textContent = `Their comments on this story: ${entry.authorPublished} published, ${entry.authorRejected} rejected or deleted`;
  part<HTMLAnchorElement>(".queue-settings").href = `/moderation/settings?story=${encodeURIComponent(entry.slug)}`;

  for (const [selector, at] of [[".queue-posted", entry.postedAt], [".queue-since", entry.since]] as const) {
    const time = part(selector);
    time.setAttribute("datetime", at);
    time.textContent = humanTime(at);
  }

  part(".queue-why").hidden = !entry.isPending;
  const rule = rules[entry.heldBy] ?? "Held";
  part(".queue-rule").textContent = rule;
  // As ModerationQueueReading.HoldReason: the reason without the rule's name in front.
  const reason = entry.holdReason ?? "";
  part(".queue-hold-reason").textContent = reason.startsWith(`${rule}:`) ? reason.slice(rule.length + 1).trimStart() : reason;

  part(".queue-reports").hidden = !entry.isReported;
  part(".queue-report-count").textContent = entry.reportCount === 1 ? "Reported once" : `Reported ${entry.reportCount} times`;
  part(".queue-report-reasons").replaceChildren(...entry.reportReasons.map((reason) => {
    const item = document.createElement("li");
    item.textContent = reason;
    return item;
  }));

  // The thread's own rendering: every character typed is encoded there, only web addresses become links.
  part(".queue-text").innerHTML = entry.html;

  part(".queue-actions").setAttribute("aria-labelledby", `${dom}-label`);
  const reasonInput = part<HTMLInputElement>(".queue-reason");
  reasonInput.id = `reason-${dom}`;
  part<HTMLLabelElement>(".queue-reason-label").htmlFor = reasonInput.id;
  part('[data-action="approve"]').textContent = entry.isPending ? "Approve" : "Keep";
  part('[data-action="feature"]').textContent = entry.isPending ? "Approve and feature" : "Feature";
  return li;
}
