import type { CollabField } from "./collab-field";
import type { DraftSession } from "./draft-session";
import { busyRetryMs, DraftFieldName, hubErrorMessage, isBusyAnswer, PullResult, PushResult, UpdateJson } from "./protocol";

// The server's per-push limits (DraftLimits): 1,000 updates and 256K characters of change-set JSON.
const maxPushUpdates = 1_000;
const maxPushChars = 240_000;
// Our own updates come back on the channel right after the push; if they don't, pull them.
const confirmationWaitMs = 1_500;

/** Keeps one field's editor in step with the server's log of that field. */
export class FieldSync {
  private pushing = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private pulling: Promise<void> | null = null;
  /** The highest version the server is known to have reached. */
  private serverVersion: number;
  private readonly waiters = new Set<() => void>();

  constructor(readonly editor: CollabField, private readonly session: DraftSession) {
    this.serverVersion = editor.version;
  }

  get name(): DraftFieldName {
    return this.editor.name;
  }

  get busy(): boolean {
    return this.pushing || this.editor.hasPending;
  }

  learnVersion(version: number): void {
    this.serverVersion = Math.max(this.serverVersion, version);
  }

  /**
   * Takes a batch that starts at `fromVersion`. @codemirror/collab's receiveUpdates would count it as
   * starting at our version whatever it says, so the start is checked here: what we have is dropped,
   * and a batch beyond a gap is not applied but fetched again, together with the gap, by a pull.
   */
  receive(fromVersion: number, updates: readonly UpdateJson[]): void {
    const version = this.editor.version;
    this.learnVersion(fromVersion + updates.length);
    if (fromVersion > version) {
      void this.catchUp();
      return;
    }
    const fresh = updates.slice(version - fromVersion);
    if (fresh.length === 0) {
      return;
    }
    try {
      this.editor.receive(fresh);
    } catch {
      // A change set that does not fit our text: this editor and the server disagree, and nothing
      // short of a fresh copy of the draft can bring them together.
      this.session.fail(`The ${this.name} here is out of step with the server. Reload the draft; copy any text you want to keep first.`, true);
      return;
    }
    for (const wake of [...this.waiters]) {
      wake();
    }
  }

  /** Pulls until the editor has every update the server is known to have. */
  catchUp(): Promise<void> {
    this.pulling ??= this.pullUntilCurrent()
      .catch((error: unknown) => {
        // A lost connection is handled by the reconnect, which catches up again; a busy draft is asked again.
        this.session.callFailed(error, `Catching up on the ${this.name} failed`);
        if (isBusyAnswer(hubErrorMessage(error))) {
          setTimeout(() => void this.catchUp(), busyRetryMs);
        }
      })
      .finally(() => {
        this.pulling = null;
      });
    return this.pulling;
  }

  async flush(): Promise<void> {
    if (this.pushing || !this.session.canPush) {
      return;
    }
    const pending = this.editor.pending();
    if (pending.length === 0) {
      return;
    }
    this.pushing = true;
    let pushed = false;
    let busy = false;
    try {
      // The base version and the updates must be read together: the updates apply on top of it.
      const base = this.editor.version;
      const batch = takeBatch(pending);
      const result = await this.session.call<PushResult>("PushUpdates", this.session.draftId, this.name, base, batch);
      this.learnVersion(result.version);
      await this.confirmation(result.version);
      pushed = true;
    } catch (error) {
      busy = isBusyAnswer(hubErrorMessage(error));
      this.session.callFailed(error, `Saving the ${this.name} failed`);
    } finally {
      this.pushing = false;
      this.session.refresh();
    }
    if (pushed) {
      this.session.clearBusy();
    }
    // After a refusal or a lost connection the reconnect (or a reload) decides what happens next, not a tight
    // retry loop; a busy draft is asked again after a pause, with what is pending then.
    if (busy) {
      this.retryTimer ??= setTimeout(() => {
        this.retryTimer = null;
        void this.flush();
      }, busyRetryMs);
    } else if (pushed && this.editor.hasPending) {
      void this.flush();
    }
  }

  private async pullUntilCurrent(): Promise<void> {
    while (this.session.online && this.editor.version < this.serverVersion) {
      const from = this.editor.version;
      const result = await this.session.call<PullResult>("PullUpdates", this.session.draftId, this.name, from);
      this.receive(result.fromVersion, result.updates);
      if (this.editor.version === from) {
        return; // the server had nothing to add: don't spin
      }
    }
  }

  /**
   * Waits until the pushed updates are back in the editor as confirmed, so they are not sent again.
   * They come as a draft.updates event; if that was lost, pull them.
   */
  private async confirmation(version: number): Promise<void> {
    if (this.editor.version >= version) {
      return;
    }
    const arrived = await new Promise<boolean>((resolve) => {
      const check = (): void => {
        if (this.editor.version >= version) {
          done(true);
        }
      };
      const done = (result: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(result);
      };
      const timer = setTimeout(() => done(false), confirmationWaitMs);
      this.waiters.add(check);
    });
    if (!arrived) {
      await this.catchUp();
    }
  }
}

/** The oldest updates that fit in one hub message; at least one, however large. */
function takeBatch(pending: readonly UpdateJson[]): UpdateJson[] {
  const batch: UpdateJson[] = [];
  let size = 0;
  for (const update of pending) {
    const length = JSON.stringify(update.changes).length;
    if (batch.length > 0 && (size + length > maxPushChars || batch.length === maxPushUpdates)) {
      break;
    }
    batch.push(update);
    size += length;
  }
  return batch;
}
