import { LiveConnection, LiveStatus } from "./live-connection";

/** A part of a reader page the server rendered, kept current by fetching the server's rendering again. */
export interface ServerRenderedPart {
  /** The reader hub channel whose events mean the part changed. */
  channel: string;
  /** The channel version the part on screen is current at (the server puts it in a data- attribute). */
  shownVersion(): number;
  /** Fetches the server's rendering, swaps it in if it is newer, and returns the version now shown. */
  refresh(): Promise<number>;
  onStatus(status: LiveStatus): void;
}

/**
 * Follows a server-rendered part live on the reader hub: every event refetches it (one fetch at a time, in order),
 * and on the first join it fetches only if something happened since the page was rendered. The page is complete
 * without this: it only brings newer text.
 */
export function followServerRendered(part: ServerRenderedPart, shared?: LiveConnection): void {
  let joined = false;
  let swaps: Promise<void> = Promise.resolve();
  const queueRefresh = (): Promise<number> => {
    const next = swaps.then(() => part.refresh());
    swaps = next.then(() => undefined, () => undefined);
    return next;
  };

  // A page with more live parts shares one connection, and starts it once they are all set up.
  const live = shared ?? new LiveConnection("/hubs/reader");
  live.onStatus((status) => part.onStatus(status));
  live.channel(part.channel, {
    async load() {
      if (!joined) {
        joined = true;
        const missed = await live
          .invoke<{ events: unknown[] | null }>("CatchUp", part.channel, part.shownVersion())
          .catch(() => ({ events: null }));
        if (missed.events !== null && missed.events.length === 0) {
          return part.shownVersion();
        }
      }
      return queueRefresh();
    },
    apply() {
      void queueRefresh().catch(() => undefined);
    },
  });
  if (!shared) {
    void live.start();
  }
}
