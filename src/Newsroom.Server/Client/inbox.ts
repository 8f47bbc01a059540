import { LiveConnection } from "./live/live-connection";
import { hubErrorMessage } from "./drafts/protocol";
import { wireBell } from "./notifications/bell";
import { InboxList } from "./notifications/inbox-list";
import { InboxPage } from "./notifications/protocol";

const section = document.getElementById("inbox") as HTMLElement | null;
if (!section) {
  // A guest with no inbox yet: the page says how to get one, and there is nothing to keep live.
  throw new Error("No inbox on this page.");
}
const pageSize = Number(section.dataset.pageSize ?? "20");
const error = document.getElementById("inbox-error") as HTMLElement;
const markAll = document.getElementById("inbox-mark-all") as HTMLButtonElement;
const more = document.getElementById("inbox-more") as HTMLButtonElement;
const list = new InboxList(
  document.getElementById("inbox-list") as HTMLOListElement,
  document.getElementById("inbox-empty") as HTMLElement,
  document.getElementById("inbox-summary") as HTMLElement,
  markAll,
  more,
  section.dataset.nextCursor || null,
);

// Staff over the staff hub, a confirmed guest over the reader hub: the same inbox methods on both.
const live = new LiveConnection(section.dataset.hub ?? "/hubs/staff");
wireBell(live, {
  // A reload keeps as many as are shown, so "Load more" is not undone by a reconnect.
  get pageSize(): number {
    return Math.min(50, Math.max(pageSize, list.shown));
  },
  loaded: (page) => list.replace(page),
  apply: (event) => list.apply(event),
});

function fail(what: string, failure: unknown): void {
  error.textContent = `${what} ${hubErrorMessage(failure) ?? "The connection to the newsroom dropped; try again once it is back."}`;
  error.hidden = false;
}

async function call<T>(what: string, method: string, ...args: unknown[]): Promise<T | null> {
  error.hidden = true;
  try {
    return await live.invoke<T>(method, ...args);
  } catch (failure) {
    fail(what, failure);
    return null;
  }
}

more.addEventListener("click", async () => {
  more.disabled = true;
  const page = await call<InboxPage>("More notifications could not be loaded.", "Inbox", list.cursor, pageSize);
  more.disabled = false;
  if (page) {
    list.append(page);
  }
});

markAll.addEventListener("click", () => void call<number>("The notifications were not marked read.", "MarkAllNotificationsRead"));

// Following a notification marks it read; the other tabs hear it over the channel.
(document.getElementById("inbox-list") as HTMLElement).addEventListener("click", async (e) => {
  const link = (e.target as HTMLElement).closest<HTMLAnchorElement>("a.inbox-link");
  const li = link?.closest<HTMLElement>("li.inbox-entry");
  if (!link || !li?.classList.contains("unread")) {
    return;
  }
  const id = li.dataset.id ?? "";
  if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
    live.send("MarkNotificationRead", id);
    return;
  }
  e.preventDefault();
  await Promise.race([call<number>("", "MarkNotificationRead", id), new Promise((resolve) => setTimeout(resolve, 2000))]);
  window.location.assign(link.href);
});

void live.start();
