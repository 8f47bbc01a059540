import { ChannelEnvelope, ChannelSubscription, LiveConnection } from "../live/live-connection";
import { CollabField } from "./collab-field";
import { FieldSync } from "./field-sync";
import { PresenceRoster } from "./presence";
import {
  draftFields,
  DraftEvent,
  DraftFieldName,
  DraftMetadata,
  DraftView,
  DraftWorkflow,
  EditorPresence,
  busyRetryMs,
  hubErrorMessage,
  isBusyAnswer,
  isDraftField,
  PresenceSelection,
} from "./protocol";

/** "refused": everything is stored except the last change to the details, which the server refused. */
export type SyncState = "connecting" | "reconnecting" | "offline" | "saving" | "saved" | "refused" | "error";

/** What the page does with what the session learns. */
export interface DraftSessionUi {
  /** Builds the editors from the first view of the draft; called once. */
  opened(view: DraftView): Record<DraftFieldName, CollabField>;
  /** The metadata to show; values with local edits still on their way are already laid over it. */
  metadataChanged(metadata: DraftMetadata, changedBy: string | null): void;
  stateChanged(state: SyncState): void;
  /** The server refused the last details sent (true), or details were saved since (false). */
  detailsRefused(refused: boolean): void;
  /** A message from the server or about the session that the person must see. */
  error(message: string, offerReload: boolean): void;
  /** The last error was about one request, and a later one succeeded: it no longer applies. */
  clearError(): void;
  /** Where the draft stands in the editorial workflow: on opening, on every re-open, and on every change. */
  workflowChanged(workflow: DraftWorkflow): void;
}

const presenceThrottleMs = 120;
// The server forgets a connection's presence after a silence; stay well inside it.
const presenceHeartbeatMs = 10_000;

/**
 * The hub protocol of one open draft: opens it, keeps each field's editor in step with the server
 * (one push in flight per field, pulls when a gap shows), and after a reconnect re-opens the draft,
 * catches up and resends whatever is still unconfirmed. Presence and metadata ride along.
 */
export class DraftSession implements ChannelSubscription {
  readonly name: string;
  private syncs: Map<DraftFieldName, FieldSync> | null = null;
  private buffered: DraftEvent[] = [];
  private joined = false;
  private catchingUp = false;
  private fatal = false;
  private busyShown = false;
  private metadataPending: Partial<DraftMetadata> = {};
  private metadataSending = false;
  /** The server refused the last details sent; cleared when details are next saved. */
  private metadataRefused = false;
  private metadata: DraftMetadata | null = null;
  private readonly roster: PresenceRoster;
  /** The field this editor's caret is in (or was last in). */
  private ownField: DraftFieldName = "headline";
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;
  private lastState: SyncState | null = null;

  constructor(
    private readonly live: LiveConnection,
    readonly draftId: string,
    private readonly ui: DraftSessionUi,
    presenceList: HTMLElement,
  ) {
    this.name = `draft:${draftId}`;
    this.roster = new PresenceRoster(
      presenceList,
      (editor) => this.placeCursor(editor),
      (connectionId) => this.eachEditor((field) => field.hideRemote(connectionId)),
      (connectionId) => connectionId === this.live.connectionId,
    );
    live.subscribe(this);
    live.onStatus((status) => {
      // Only join() declares the session online again, once the draft is re-opened on the new
      // connection: until then, calls about it would be refused or their answers lost.
      if (status !== "live") {
        this.joined = false;
      }
      this.refresh();
    });
    setInterval(() => this.sendPresence(), presenceHeartbeatMs);
  }

  /** Connected, with the draft open on this connection. */
  get online(): boolean {
    return this.joined && !this.fatal;
  }

  /**
   * Online and caught up after a reconnect. Pushing earlier would be safe (the server rebases, and drops
   * what it already has by client id) but would resend updates the catch-up is about to confirm.
   */
  get canPush(): boolean {
    return this.online && !this.catchingUp;
  }

  /** Changes typed here that the server has not confirmed as stored: a reload would lose them. */
  get hasUnsavedChanges(): boolean {
    if (Object.keys(this.metadataPending).length > 0 || this.metadataSending) {
      return true;
    }
    return [...(this.syncs?.values() ?? [])].some((sync) => sync.busy);
  }

  receive(envelope: ChannelEnvelope<unknown>): void {
    const event = envelope.event as DraftEvent;
    if (!this.syncs) {
      // OpenDraft joins the channel before it reads the view, so these may be older or newer than the
      // view: FieldSync.receive sorts that out by version once the editors exist.
      this.buffered.push(event);
      return;
    }
    this.dispatch(event);
  }

  async join(): Promise<void> {
    let view: DraftView;
    try {
      view = await this.live.invoke<DraftView>("OpenDraft", this.draftId);
    } catch (error) {
      const message = hubErrorMessage(error);
      if (message === null || isBusyAnswer(message)) {
        // The connection failed, or the draft did not answer in time (after a silo's death its grain comes back
        // on a survivor at the next call): LiveConnection tries again.
        throw error;
      }
      this.fail(`This draft cannot be opened: ${message}`, false);
      return;
    }

    if (!this.syncs) {
      const editors = this.ui.opened(view);
      this.syncs = new Map(draftFields.map((field) => [field, new FieldSync(editors[field], this)]));
      this.joined = true;
      this.showMetadata(view.metadata, null);
      this.ui.workflowChanged(view.workflow);
      this.roster.reset(view.editors ?? [], view.present ?? 0);
      const buffered = this.buffered;
      this.buffered = [];
      for (const event of buffered) {
        this.dispatch(event);
      }
    } else {
      this.joined = true;
      this.showMetadata(view.metadata, null);
      this.ui.workflowChanged(view.workflow);
      this.roster.reset(view.editors ?? [], view.present ?? 0);
      // Catch up first: the pull brings back any of our updates that landed before the connection
      // dropped, and receiveUpdates removes them from what is still to be sent. Anything resent twice
      // anyway is recognised by the server by client id.
      this.catchingUp = true;
      try {
        await Promise.all(
          [...this.syncs.values()].map((sync) => {
            sync.learnVersion(view.fields[sync.name].version);
            return sync.catchUp();
          }),
        );
      } finally {
        this.catchingUp = false;
      }
    }
    this.sendPresence();
    this.flush();
    void this.sendMetadata();
    this.refresh();
  }

  /** Sends what is waiting, field by field; called after every local change. */
  flush(): void {
    for (const sync of this.syncs?.values() ?? []) {
      void sync.flush();
    }
    this.refresh();
  }

  setMetadata(patch: Partial<DraftMetadata>): void {
    Object.assign(this.metadataPending, patch);
    this.refresh();
    void this.sendMetadata();
  }

  /** Where the caret is here, for everyone else's view; sent throttled. */
  selectionChanged(field: DraftFieldName): void {
    this.ownField = field;
    this.presenceTimer ??= setTimeout(() => {
      this.presenceTimer = null;
      this.sendPresence();
    }, presenceThrottleMs);
  }

  /** Tells the others at once that this editor is leaving, rather than letting them wait for the silence. */
  leave(): void {
    this.live.send("LeaveDraft", this.draftId);
  }

  call<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.live.invoke<T>(method, ...args);
  }

  /** A failure that resending cannot fix: stop sending, say so, and offer a reload. */
  fail(message: string, offerReload: boolean): void {
    this.fatal = true;
    this.ui.error(message, offerReload);
    this.refresh();
  }

  /** A call went through after "did not answer in time": that message no longer applies. */
  clearBusy(): void {
    if (this.busyShown && !this.fatal) {
      this.busyShown = false;
      this.ui.clearError();
    }
  }

  /** Reports a failed call; returns true if it was the server refusing (as opposed to a lost connection). */
  callFailed(error: unknown, what: string): boolean {
    const message = hubErrorMessage(error);
    if (message === null) {
      return false;
    }
    if (isBusyAnswer(message)) {
      // Shown, not fatal: the field retries, and the next success clears it.
      this.busyShown = true;
      this.ui.error(message, false);
      return true;
    }
    if (/too far behind/i.test(message)) {
      this.fail("This editor fell too far behind the draft to catch up. Reload the draft; copy any text you want to keep first.", true);
    } else {
      this.fail(`${what}: ${message}`, true);
    }
    return true;
  }

  refresh(): void {
    const state = this.computeState();
    if (state !== this.lastState) {
      this.lastState = state;
      this.ui.stateChanged(state);
    }
  }

  private computeState(): SyncState {
    if (this.fatal) {
      return "error";
    }
    if (!this.syncs) {
      return this.live.status === "offline" ? "offline" : "connecting";
    }
    if (!this.online) {
      // The connection dropped (its silo went away, say) and is being made again through the same address: a
      // notice, not an alarm; "offline" is for a network the browser knows is gone.
      return this.live.status === "offline" ? "offline" : "reconnecting";
    }
    if (this.hasUnsavedChanges) {
      return "saving";
    }
    return this.metadataRefused ? "refused" : "saved";
  }

  private dispatch(event: DraftEvent): void {
    switch (event.type) {
      case "draft.updates":
        if (isDraftField(event.field)) {
          this.syncs?.get(event.field)?.receive(event.fromVersion, event.updates);
          this.refresh();
        }
        break;
      case "draft.metadata":
        this.showMetadata(event.metadata, event.changedBy);
        break;
      case "draft.presence":
        this.roster.apply(event.editors, event.left, event.present);
        break;
      case "draft.workflow":
        this.ui.workflowChanged(event.workflow);
        break;
    }
  }

  private placeCursor(editor: EditorPresence): void {
    this.eachEditor((field) => {
      if (isDraftField(editor.field) && field.name === editor.field) {
        // At the version the server moved them to, the positions need only our own unsent changes put in;
        // at another (a pull ran ahead of the event), they are the best there is until the next update.
        const place = (pos: number): number => (field.version === editor.version ? field.fromSynced(pos) : pos);
        field.showRemote({
          connectionId: editor.connectionId,
          displayName: editor.displayName,
          colour: editor.colour,
          anchor: place(editor.anchor),
          head: place(editor.head),
        });
      } else {
        field.hideRemote(editor.connectionId);
      }
    });
  }

  private eachEditor(action: (field: CollabField) => void): void {
    for (const sync of this.syncs?.values() ?? []) {
      action(sync.editor);
    }
  }

  private sendPresence(): void {
    if (this.online) {
      // Read now, not when it last moved: others' changes have moved it since, and a heartbeat with the
      // old position would pull our caret back on every other screen.
      const editor = this.syncs?.get(this.ownField)?.editor;
      const { anchor, head } = editor?.selection ?? { anchor: 0, head: 0 };
      const selection: PresenceSelection = editor
        ? { field: this.ownField, anchor: editor.toSynced(anchor), head: editor.toSynced(head), version: editor.version }
        : { field: this.ownField, anchor, head, version: 0 };
      this.live.send("UpdatePresence", this.draftId, selection);
    }
  }

  private showMetadata(metadata: DraftMetadata, changedBy: string | null): void {
    this.metadata = metadata;
    this.ui.metadataChanged({ ...metadata, ...this.metadataPending }, changedBy);
  }

  private async sendMetadata(): Promise<void> {
    if (this.metadataSending || !this.online || Object.keys(this.metadataPending).length === 0) {
      return;
    }
    this.metadataSending = true;
    const sent = { ...this.metadataPending };
    let sentOk = false;
    try {
      const metadata = await this.live.invoke<DraftMetadata>("SetMetadata", this.draftId, sent);
      this.forgetPending(sent);
      this.setMetadataRefused(false);
      this.showMetadata(metadata, null);
      if (!this.fatal) {
        this.ui.clearError();
      }
      sentOk = true;
    } catch (error) {
      const message = hubErrorMessage(error);
      if (isBusyAnswer(message)) {
        // Kept: the same values go again shortly.
        this.busyShown = true;
        this.ui.error(message, false);
        setTimeout(() => void this.sendMetadata(), busyRetryMs);
      } else if (message !== null) {
        // Refused, not lost: sending the same again would be refused again.
        this.forgetPending(sent);
        this.setMetadataRefused(true);
        this.ui.error(`The details were not saved: ${message}`, false);
        if (this.metadata) {
          this.showMetadata(this.metadata, null);
        }
      }
    } finally {
      this.metadataSending = false;
      this.refresh();
    }
    if (sentOk) {
      void this.sendMetadata();
    }
  }

  private setMetadataRefused(refused: boolean): void {
    if (this.metadataRefused !== refused) {
      this.metadataRefused = refused;
      this.ui.detailsRefused(refused);
    }
  }

  /** Drops the pending values that were sent, unless they were changed again meanwhile. */
  private forgetPending(sent: Partial<DraftMetadata>): void {
    for (const key of Object.keys(sent) as (keyof DraftMetadata)[]) {
      if (JSON.stringify(this.metadataPending[key]) === JSON.stringify(sent[key])) {
        delete this.metadataPending[key];
      }
    }
  }
}
