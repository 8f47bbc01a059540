import { LiveConnection } from "../live/live-connection";
import { wireBell } from "./bell";

/**
 * The bell on reader pages (article, front and section pages), for a guest whose email is confirmed. Those pages are
 * the same cached HTML for everyone, with the bell hidden and naming no channel, so the script asks whose inbox this
 * browser has and shows the bell only then. Call before the connection starts, so the inbox channel is joined with
 * the page's others; a page without the answer simply has no bell.
 */
export async function wireReaderBell(live: LiveConnection): Promise<void> {
  const item = document.getElementById("reader-bell-item");
  const bell = document.getElementById("inbox-bell");
  if (!item || !bell) {
    return;
  }
  try {
    const response = await fetch("/notifications/inbox-channel", { cache: "no-store", credentials: "same-origin" });
    if (!response.ok) {
      return;
    }
    const { channel } = (await response.json()) as { channel: string | null };
    if (!channel) {
      return;
    }
    bell.dataset.channel = channel;
    item.hidden = false;
    wireBell(live);
  } catch {
    // No bell this time: the page works without it.
  }
}
