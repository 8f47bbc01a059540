import { HubConnection, HubConnectionBuilder, HubConnectionState, IRetryPolicy, LogLevel, RetryContext } from "@microsoft/signalr";

/** One event on one channel, as the server's ChannelEnvelope serialises it. */
export interface ChannelEnvelope<TEvent> {
  channel: string;
  version: number;
  event: TEvent;
}

/** How a page keeps one channel's view current. */
export interface ChannelView<TEvent> {
  /** Loads a full snapshot, renders it, and returns the channel version it is current at. */
  load(): Promise<number>;
  /** Applies the event that directly follows what is shown. */
  apply(envelope: ChannelEnvelope<TEvent>): void;
}

/**
 * A listener that orders its channel's events itself (a draft counts versions per field, not per
 * channel). It is told every envelope of its channel and re-joins the channel after each (re)connect.
 */
export interface ChannelSubscription {
  readonly name: string;
  receive(envelope: ChannelEnvelope<unknown>): void;
  /** Joins the channel on the current connection and catches up with what was missed. */
  join(live: LiveConnection): Promise<void>;
}

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

// SignalR's default policy gives up after four tries; a newsroom tab stays open all night, so never give up.
const forever: IRetryPolicy = {
  nextRetryDelayInMilliseconds(context: RetryContext): number {
    const base = Math.min(30_000, 500 * 2 ** Math.min(context.previousRetryCount, 6));
    return base / 2 + Math.random() * base / 2;
  },
};

/** The owner's answer to CatchUp: the envelopes after the version asked for, or null to reload a snapshot. */
interface ChannelCatchUp {
  version: number;
  events: ChannelEnvelope<unknown>[] | null;
}

class VersionedChannel<TEvent> implements ChannelSubscription {
  private version: number | null = null;
  private buffered: ChannelEnvelope<TEvent>[] = [];
  private loading: Promise<void> | null = null;
  private live: LiveConnection | null = null;

  constructor(readonly name: string, private readonly view: ChannelView<TEvent>) {}

  receive(envelope: ChannelEnvelope<unknown>): void {
    const typed = envelope as ChannelEnvelope<TEvent>;
    if (this.version === null) {
      this.buffered.push(typed);
      return;
    }
    if (typed.version <= this.version) {
      return;
    }
    if (typed.version !== this.version + 1) {
      // A gap: ask the owner for what was missed; it answers "reload" when it no longer holds it all.
      this.buffered.push(typed);
      void this.catchUp(this.version);
      return;
    }
    this.view.apply(typed);
    this.version = typed.version;
  }

  async join(live: LiveConnection): Promise<void> {
    this.live = live;
    await live.invoke("Join", this.name);
    await this.resync();
  }

  resync(): Promise<void> {
    return this.replace(async () => this.view.load());
  }

  private catchUp(after: number): Promise<void> {
    return this.replace(async () => {
      const answer = this.live ? await this.live.invoke<ChannelCatchUp>("CatchUp", this.name, after).catch(() => null) : null;
      const events = answer?.events ?? null;
      if (events === null || events.some((e, i) => e.version !== after + 1 + i)) {
        return this.view.load();
      }
      for (const envelope of events) {
        this.view.apply(envelope as ChannelEnvelope<TEvent>);
      }
      return after + events.length;
    });
  }

  // Events that arrive meanwhile are buffered, then replayed over the version reached (skipping what it covers).
  private replace(reach: () => Promise<number>): Promise<void> {
    this.loading ??= (async () => {
      this.version = null;
      try {
        this.version = await reach();
        const pending = this.buffered;
        this.buffered = [];
        for (const envelope of pending) {
          this.receive(envelope);
        }
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

/** A hub connection that keeps its channels joined and their views current across reconnects. */
export class LiveConnection {
  private readonly connection: HubConnection;
  private readonly subscriptions = new Map<string, ChannelSubscription>();
  private readonly statusListeners: ((status: LiveStatus) => void)[] = [];
  private current: LiveStatus = "connecting";
  private starting: Promise<void> | null = null;
  private readonly sleepers = new Set<() => void>();
  // The network came back while an attempt was under way: the next backoff is skipped, not slept out.
  private onlineSinceLastSleep = false;

  constructor(hubUrl: string, onStatus?: (status: LiveStatus) => void) {
    if (onStatus) {
      this.statusListeners.push(onStatus);
    }
    this.connection = new HubConnectionBuilder()
      .withUrl(hubUrl)
      .withAutomaticReconnect(forever)
      .configureLogging(LogLevel.Warning)
      .build();
    // One message per channel per turn of the server's relay: the events that were ready together, in order.
    this.connection.on("Events", (envelopes: ChannelEnvelope<unknown>[]) => {
      for (const envelope of envelopes) {
        this.subscriptions.get(envelope.channel)?.receive(envelope);
      }
    });
    this.connection.onreconnecting(() => this.setStatus("reconnecting"));
    // A reconnect is a new connection with no groups: join again, then catch up with what was missed.
    this.connection.onreconnected(() => void this.joinAll());
    this.connection.onclose(() => {
      this.setStatus("offline");
      void this.start();
    });

    // The browser knows about a lost network long before SignalR's 30 s server timeout does; a socket that
    // outlives the network only delays the offline state and the reconnect that must follow anyway.
    window.addEventListener("offline", () => {
      if (this.connection.state !== HubConnectionState.Disconnected) {
        // Say so now: closing a socket on a dead network can take a while.
        this.setStatus("offline");
        void this.connection.stop();
      }
    });
    // Retry at once when the network returns instead of sleeping out the backoff.
    window.addEventListener("online", () => {
      if (this.connection.state === HubConnectionState.Reconnecting) {
        // SignalR's own reconnect sleeps out its delay (up to 30 s after a long outage) whatever the network does:
        // end it, and onclose starts this class's loop, which tries at once.
        void this.connection.stop();
        return;
      }
      this.onlineSinceLastSleep = this.sleepers.size === 0;
      for (const wake of [...this.sleepers]) {
        wake();
      }
    });
  }

  get status(): LiveStatus {
    return this.current;
  }

  /** The server's id for this connection; it changes on every reconnect. */
  get connectionId(): string | null {
    return this.connection.connectionId;
  }

  onStatus(listener: (status: LiveStatus) => void): void {
    this.statusListeners.push(listener);
  }

  /** Keeps a view of a channel whose envelope versions count its events one by one. */
  channel<TEvent>(name: string, view: ChannelView<TEvent>): void {
    this.subscribe(new VersionedChannel(name, view));
  }

  subscribe(subscription: ChannelSubscription): void {
    this.subscriptions.set(subscription.name, subscription);
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  /** Fire and forget: for messages that may be lost, such as leaving when the page goes away. */
  send(method: string, ...args: unknown[]): void {
    if (this.connection.state === HubConnectionState.Connected) {
      this.connection.send(method, ...args).catch(() => undefined);
    }
  }

  start(): Promise<void> {
    this.starting ??= this.connectUntilConnected().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async connectUntilConnected(): Promise<void> {
    this.setStatus(this.current === "offline" ? "offline" : "connecting");
    // Round again if the connection closed while joining: its onclose found this loop still running
    // and left the reconnecting to it.
    while (this.connection.state === HubConnectionState.Disconnected) {
      for (let attempt = 0; this.connection.state === HubConnectionState.Disconnected; attempt++) {
        try {
          await this.connection.start();
        } catch {
          this.setStatus("offline");
          await this.sleep(forever.nextRetryDelayInMilliseconds({ previousRetryCount: attempt, elapsedMilliseconds: 0, retryReason: new Error() }) ?? 30_000);
        }
      }
      await this.joinAll();
    }
  }

  private async joinAll(): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        for (const subscription of this.subscriptions.values()) {
          await subscription.join(this);
        }
        if (this.connection.state === HubConnectionState.Connected) {
          this.setStatus("live");
        }
        return;
      } catch (error) {
        // A connection that dropped meanwhile comes back through onreconnected or onclose, which join
        // again; one that is still up failed for a passing reason (a silo restarting): try again.
        if (this.connection.state !== HubConnectionState.Connected) {
          return;
        }
        const pause = forever.nextRetryDelayInMilliseconds({ previousRetryCount: attempt, elapsedMilliseconds: 0, retryReason: new Error() }) ?? 30_000;
        console.warn(`Joining the live channels failed (${error instanceof Error ? error.message : String(error)}); trying again in ${Math.round(pause)} ms`);
        await this.sleep(pause);
      }
    }
  }

  private setStatus(status: LiveStatus): void {
    this.current = status;
    for (const listener of this.statusListeners) {
      listener(status);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.onlineSinceLastSleep) {
      this.onlineSinceLastSleep = false;
      return Promise.resolve();
    }

    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }
}
