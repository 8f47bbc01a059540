import { InboxEntry, InboxEvent, InboxPage } from "./protocol";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One notification as a list item; every part people wrote goes in as text. */
export function renderEntry(entry: InboxEntry): HTMLLIElement {
  const n = entry.notification;
  const li = document.createElement("li");
  li.className = "inbox-entry";
  li.dataset.id = entry.id;
  const link = document.createElement("a");
  link.className = "inbox-link";
  link.href = n.link;
  const title = document.createElement("span");
  title.className = "inbox-title";
  title.textContent = n.title;
  link.append(title);
  li.append(link);
  if (n.excerpt.length > 0) {
    const excerpt = document.createElement("p");
    excerpt.className = "inbox-excerpt";
    excerpt.textContent = n.excerpt;
    li.append(excerpt);
  }
  const meta = document.createElement("p");
  meta.className = "meta";
  const state = document.createElement("span");
  state.className = "inbox-state";
  const time = document.createElement("time");
  time.dateTime = n.at;
  time.textContent = when.format(new Date(n.at));
  meta.append(state, ` · ${n.actor.displayName} · `, time);
  li.append(meta);
  setRead(li, entry.read);
  return li;
}

export function setRead(li: HTMLElement, read: boolean): void {
  li.classList.toggle("unread", !read);
  const state = li.querySelector(".inbox-state");
  if (state) {
    state.textContent = read ? "Read" : "Unread";
  }
}

/** The inbox page's list: replaced by a fresh first page on (re)load, kept current by the channel's events. */
export class InboxList {
  cursor: string | null;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly empty: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly markAll: HTMLButtonElement,
    private readonly more: HTMLButtonElement,
    cursor: string | null,
  ) {
    this.cursor = cursor;
  }

  get shown(): number {
    return this.list.children.length;
  }

  replace(page: InboxPage): void {
    this.list.replaceChildren(...page.entries.map(renderEntry));
    this.setCursor(page.nextCursor);
    this.count(page.unread);
  }

  append(page: InboxPage): void {
    for (const entry of page.entries) {
      if (!this.find(entry.id)) {
        this.list.append(renderEntry(entry));
      }
    }
    this.setCursor(page.nextCursor);
    this.count(page.unread);
  }

  apply(event: InboxEvent): void {
    if (event.type === "notification.new") {
      if (!this.find(event.entry.id)) {
        this.insert(renderEntry(event.entry));
      }
    } else if (event.type === "notification.read") {
      for (const id of event.ids) {
        const li = this.find(id);
        if (li) {
          setRead(li, true);
        }
      }
    } else {
      for (const li of this.list.querySelectorAll<HTMLElement>(".inbox-entry")) {
        setRead(li, true);
      }
    }
    this.count(event.unread);
  }

  find(id: string): HTMLElement | null {
    return this.list.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
  }

  // Ids sort newest first, so a late arrival goes where its time puts it.
  private insert(li: HTMLLIElement): void {
    const id = li.dataset.id ?? "";
    const after = [...this.list.children].find((c) => ((c as HTMLElement).dataset.id ?? "") > id);
    this.list.insertBefore(li, after ?? null);
  }

  private setCursor(cursor: string | null): void {
    this.cursor = cursor;
    this.more.hidden = cursor === null;
  }

  private count(unread: number): void {
    this.summary.textContent = unread === 1 ? "1 unread notification" : `${unread} unread notifications`;
    this.markAll.disabled = unread === 0;
    this.empty.hidden = this.shown > 0;
  }
}
