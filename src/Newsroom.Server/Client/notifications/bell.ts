import { ChannelEnvelope, LiveConnection } from "../live/live-connection";
import { InboxEvent, InboxPage } from "./protocol";

/** What a page adds to the bell: the inbox page renders the list from the same page and events. */
export interface InboxListener {
  pageSize: number;
  loaded(page: InboxPage): void;
  apply(event: InboxEvent): void;
}

const toastFor = 10_000;

/**
 * Keeps the header's bell (the unread count) and the toast current from the person's own `user:` channel. Every open
 * tab listens, so a notification shows in each and marking read in one clears the others; after a reconnect the
 * channel reloads, which is how a tab that was offline catches up.
 */
export function wireBell(live: LiveConnection, listener?: InboxListener): void {
  const bell = document.getElementById("inbox-bell") as HTMLAnchorElement | null;
  const channel = bell?.dataset.channel;
  if (!bell || !channel) {
    return;
  }
  const count = document.getElementById("inbox-bell-count") as HTMLElement;
  const number = document.getElementById("inbox-bell-number") as HTMLElement;
  const toast = document.getElementById("inbox-toast") as HTMLElement | null;
  let toastTimer: number | undefined;

  const show = (unread: number): void => {
    number.textContent = String(unread);
    count.hidden = unread === 0;
    bell.dataset.unread = String(unread);
  };

  const announce = (title: string, by: string, link: string): void => {
    if (!toast) {
      return;
    }
    // Text only: titles and names are what people wrote.
    const p = document.createElement("p");
    const a = document.createElement("a");
    a.href = link;
    a.textContent = title;
    p.append("New notification: ", a, ` (${by})`);
    toast.replaceChildren(p);
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => toast.replaceChildren(), toastFor);
  };

  // "live" once the count is loaded on the current connection (tests and styles can wait on it).
  live.onStatus((status) => {
    if (status !== "live") {
      bell.dataset.state = status;
    }
  });

  live.channel<InboxEvent>(channel, {
    async load(): Promise<number> {
      const page = await live.invoke<InboxPage>("Inbox", null, listener?.pageSize ?? 1);
      show(page.unread);
      listener?.loaded(page);
      bell.dataset.state = "live";
      return page.version;
    },
    apply(envelope: ChannelEnvelope<InboxEvent>): void {
      const event = envelope.event;
      show(event.unread);
      if (event.type === "notification.new") {
        const n = event.entry.notification;
        announce(n.title, n.actor.displayName, n.link);
      }
      listener?.apply(event);
    },
  });
}
