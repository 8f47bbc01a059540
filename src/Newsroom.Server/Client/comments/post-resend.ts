// A comment that was not answered (storage or a silo busy, the connection lost) stays in the form, read-only, and goes
// again with the same key, 4 s, 8 s, … up to 30 s apart: the server answers a resend of a comment it did store with
// that comment, so it is kept once. Each comment has a key of its own.

const busyAnswer = "The comments did not answer in time";

export type PostResend = {
  /** The key sent with the comment and with each resend of it. */
  readonly key: string;
  /** Whether a resend is due (the form waits for it). */
  readonly pending: boolean;
  /** A new comment: a new key, and nothing waiting. */
  renew(): void;
  /** Nothing waiting any more; the form is editable again. */
  stop(): void;
  /** A send begins: the timer that started it is spent. */
  begin(): void;
  /** What to tell the writer when a post was not answered (`message` null: no connection), or null when it was refused. */
  notice(message: string | null): string | null;
  /** Sends again later, the form read-only meanwhile. */
  schedule(send: () => void): void;
};

export function postResend(textBox: HTMLTextAreaElement, submit: HTMLButtonElement): PostResend {
  let key = newPostKey();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let resends = 0;

  function stop(): void {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    resends = 0;
    textBox.readOnly = false;
    submit.removeAttribute("aria-disabled");
  }

  return {
    get key() {
      return key;
    },
    get pending() {
      return timer !== null;
    },
    renew() {
      stop();
      key = newPostKey();
    },
    stop,
    begin() {
      timer = null;
    },
    notice(message) {
      if (message !== null && !message.startsWith(busyAnswer)) {
        return null;
      }
      return `${message === null ? "The newsroom could not be reached" : busyAnswer}; your comment is kept here and will be sent again.`;
    },
    schedule(send) {
      textBox.readOnly = true;
      // At least the per-person pace of comments (one every 3 s), so the resend is never refused as too fast.
      timer = setTimeout(send, Math.min(30_000, 4_000 * 2 ** resends++));
    },
  };
}

/** 32 hex digits from the browser's random numbers (crypto.randomUUID needs a secure context; this does not). */
function newPostKey(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
