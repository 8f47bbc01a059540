import { LiveConnection } from "./live/live-connection";
import { followServerRendered } from "./live/server-rendered";
import { wireReaderBell } from "./notifications/reader-bell";

// Front and section pages: when a story is published, updated or withdrawn, the listing is fetched again as the
// server renders it (this very address) and swapped in, so a new story appears at the top without a reload.
// The page is complete without this script.

const channel = "stories:newsroom";

const stories = (): HTMLElement => document.getElementById("stories") as HTMLElement;
const shownVersion = (): number => Number(stories().dataset.version ?? "0");

async function refresh(): Promise<number> {
  const response = await fetch(location.pathname + location.search, { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`The listing did not load: ${response.status}`);
  }
  const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("stories");
  if (!fresh) {
    throw new Error("The listing is missing from the answer.");
  }
  // The story index numbers its events anew after a restart: any other version is news.
  if (Number(fresh.dataset.version) !== shownVersion()) {
    stories().replaceWith(document.importNode(fresh, true));
  }
  return shownVersion();
}

// One connection for the listing and a confirmed guest's bell.
const live = new LiveConnection("/hubs/reader");
followServerRendered({
  channel,
  shownVersion,
  refresh,
  onStatus: (status) => {
    (document.getElementById("main") as HTMLElement).dataset.live = status;
  },
}, live);
await wireReaderBell(live);
void live.start();
