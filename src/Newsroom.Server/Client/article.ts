import { followComments } from "./comments";
import { LiveConnection } from "./live/live-connection";
import { followServerRendered } from "./live/server-rendered";
import { wireSubscribeForm } from "./notifications/subscribe-form";
import { wireReaderBell } from "./notifications/reader-bell";

// The article page's live updates. The page is complete without this script: it only swaps in newer text.
// On every event it fetches the story as the server renders it (GET /articles/{slug}/body), so an update looks
// exactly as a reload would; the browser never renders Markdown, nor sanitizes it, itself.

const article = document.getElementById("article") as HTMLElement;
const banner = document.getElementById("story-banner") as HTMLElement;
const dismiss = document.getElementById("story-banner-close") as HTMLButtonElement;
const slug = article.dataset.slug ?? "";
const channel = `article:${slug}`;

const story = (): HTMLElement => document.getElementById("story") as HTMLElement;
const shownVersion = (): number => Number(story().dataset.version ?? "0");

/** The blocks of text a reader can be in the middle of, in page order. */
const blocks = (root: ParentNode): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>("h1, .standfirst, .story-body > *, .revisions li, .withdrawn > *")];

async function fetchStory(): Promise<HTMLElement> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`/articles/${encodeURIComponent(slug)}/body`, { cache: "no-store" });
      if (!response.ok) {
        throw new Error(`The story did not load: ${response.status}`);
      }
      const parsed = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = parsed.getElementById("story");
      if (!fresh) {
        throw new Error("The story's text is missing from the answer.");
      }
      return document.importNode(fresh, true) as HTMLElement;
    } catch (e) {
      if (attempt >= 3) {
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
    }
  }
}

/** Replaces the text, keeping the block at the top of the viewport where it was on screen. */
function swap(fresh: HTMLElement): void {
  const before = blocks(story());
  const index = before.findIndex((b) => b.getBoundingClientRect().bottom > 0);
  const anchor = index >= 0 ? before[index] : null;
  const text = anchor?.textContent ?? "";
  const top = anchor?.getBoundingClientRect().top ?? 0;

  story().replaceWith(fresh);
  // The comments' marks on passages are drawn again on the new text (Client/comments/inline-feedback.ts).
  document.dispatchEvent(new CustomEvent("story:replaced"));

  if (anchor) {
    const after = blocks(fresh);
    // The same paragraph if it is still there (the nearest one with the same text), else the one in its place.
    const same = after
      .map((b, i) => ({ b, i }))
      .filter(({ b }) => b.textContent === text)
      .sort((x, y) => Math.abs(x.i - index) - Math.abs(y.i - index))[0]?.b;
    const target = same ?? after[Math.min(index, after.length - 1)];
    if (target) {
      window.scrollBy(0, target.getBoundingClientRect().top - top);
    }
  }
}

function announce(fresh: HTMLElement): void {
  const at = new Date(fresh.dataset.latestAt ?? "");
  const time = Number.isNaN(at.getTime()) ? "" : ` ${at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" })}`;
  if (fresh.dataset.withdrawn === "true") {
    banner.textContent = "This story has been withdrawn.";
  } else {
    const kind = fresh.dataset.latestKind ?? "Update";
    const note = fresh.dataset.latestNote ?? "";
    const said = note === "" ? kind : note.toLowerCase().startsWith(kind.toLowerCase()) ? note : `${kind}: ${note}`;
    banner.textContent = `Updated${time} · ${said}`;
  }
  banner.dataset.version = fresh.dataset.version;
  dismiss.hidden = false;
}

dismiss.addEventListener("click", () => {
  banner.textContent = "";
  dismiss.hidden = true;
});

/** Fetches the story and shows it if it is newer than what is shown; returns the version shown. */
async function refresh(): Promise<number> {
  const fresh = await fetchStory();
  if (Number(fresh.dataset.version) > shownVersion()) {
    swap(fresh);
    announce(fresh);
  }
  return shownVersion();
}

// One connection for the story and its comments.
const live = new LiveConnection("/hubs/reader");

// article.updated and article.withdrawn alike: the server's rendering of the story now says what changed.
followServerRendered({
  channel,
  shownVersion,
  refresh,
  onStatus: (status) => {
    article.dataset.live = status;
  },
}, live);
followComments(live, slug);
wireSubscribeForm(live, slug);
await wireReaderBell(live);
void live.start();
