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

export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline";

// SignalR's default policy gives up after four tries; a newsroom tab stays open all night, so never give up.
const forever: IRetryPolicy = {
  nextRetryDelayInMilliseconds(context: RetryContext): number {
    const base = Math.min(30_000, 500 * 2 ** Math.min(context.previousRetryCount, 6));
    return base / 2 + Math.random() * base / 2;
  },
};

class Channel<TEvent> {
  private version: number | null = null;
  private buffered: ChannelEnvelope<TEvent>[] = [];
  private loading: Promise<void> | null = null;

  constructor(readonly name: string, private readonly view: ChannelView<TEvent>) {}

  receive(envelope: ChannelEnvelope<TEvent>): void {
    if (this.version === null) {
      this.buffered.push(envelope);
      return;
    }
    if (envelope.version <= this.version) {
      return;
    }
    if (envelope.version !== this.version + 1) {
      // A gap: something was missed, so the snapshot is the only safe truth.
      void this.resync();
      return;
    }
    this.view.apply(envelope);
    this.version = envelope.version;
  }

  resync(): Promise<void> {
    this.loading ??= (async () => {
      this.version = null;
      try {
        const version = await this.view.load();
        this.version = version;
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
  private readonly channels = new Map<string, Channel<unknown>>();

  constructor(hubUrl: string, private readonly onStatus: (status: LiveStatus) => void) {
    this.connection = new HubConnectionBuilder()
      .withUrl(hubUrl)
      .withAutomaticReconnect(forever)
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("Event", (envelope: ChannelEnvelope<unknown>) => {
      this.channels.get(envelope.channel)?.receive(envelope);
    });
    this.connection.onreconnecting(() => this.onStatus("reconnecting"));
    // A reconnect is a new connection with no groups: join again, then reload what may have been missed.
    this.connection.onreconnected(() => void this.joinAll());
    this.connection.onclose(() => {
      this.onStatus("offline");
      void this.start();
    });
  }

  channel<TEvent>(name: string, view: ChannelView<TEvent>): void {
    this.channels.set(name, new Channel(name, view) as Channel<unknown>);
  }

  invoke<T>(method: string, ...args: unknown[]): Promise<T> {
    return this.connection.invoke<T>(method, ...args);
  }

  async start(): Promise<void> {
    this.onStatus("connecting");
    for (let attempt = 0; this.connection.state === HubConnectionState.Disconnected; attempt++) {
      try {
        await this.connection.start();
      } catch {
        await delay(forever.nextRetryDelayInMilliseconds({ previousRetryCount: attempt, elapsedMilliseconds: 0, retryReason: new Error() }) ?? 30_000);
      }
    }
    await this.joinAll();
  }

  private async joinAll(): Promise<void> {
    for (const channel of this.channels.values()) {
      await this.connection.invoke("Join", channel.name);
      await channel.resync();
    }
    this.onStatus("live");
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
