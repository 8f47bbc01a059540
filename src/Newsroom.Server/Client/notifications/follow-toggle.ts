import { hubErrorMessage } from "../drafts/protocol";
import { LiveConnection } from "../live/live-connection";

/** The staff hub calls the toggles need: the caller's own inbox follows, nobody else's. */
export interface FollowCalls {
  following(): Promise<string[]>;
  follow(topic: string): Promise<void>;
  unfollow(topic: string): Promise<void>;
}

/**
 * A page's "Follow" toggles: buttons (aria-pressed) whose state word says "Follow" or "Following", each following one
 * topic (draft:{id}, moderation) for the person's inbox. The draft editor has one, the desk one per draft, the
 * moderation queue one for the queue.
 *
 * The state shown is the server's: one Following() call per (re)connect serves every toggle on the page, and a toggle
 * changes only once Follow or Unfollow has answered. The state is kept per topic rather than per button, and one click
 * listener on the root serves them all, because the desk draws a draft's row again when that draft changes: a button made
 * later (a row that arrived live, or one drawn again while a call was under way) shows the state at once and works.
 */
export class FollowToggles {
  // Null until the server has answered: a button then offers nothing rather than a guess.
  private followed: Set<string> | null = null;
  private readonly busy = new Set<string>();

  constructor(
    private readonly root: HTMLElement | Document,
    private readonly calls: FollowCalls,
    private readonly showError: (message: string) => void,
  ) {
    // A <button> is pressed with Enter and Space already; nothing else is needed for the keyboard.
    root.addEventListener("click", (e) => {
      const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>("button[data-follow-topic]") : null;
      if (button && root.contains(button)) {
        void this.toggle(button.dataset.followTopic ?? "");
      }
    });
  }

  /** A new toggle for a topic, in the state known now (disabled while it is not known). */
  create(topic: string): HTMLButtonElement {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary follow-toggle";
    this.bind(button, topic);
    return button;
  }

  /**
   * Makes a button of the page's markup the toggle of a topic. Its state word goes in its `.follow-word` child when
   * it has one ("Follow the queue"), otherwise it is the button's whole text.
   */
  bind(button: HTMLButtonElement, topic: string): void {
    button.dataset.followTopic = topic;
    this.show(button);
  }

  /** Reads the state from the server: on connecting, and again after a reconnect (another tab may have changed it). */
  async refresh(): Promise<void> {
    try {
      this.followed = new Set(await this.calls.following());
    } catch {
      // What is shown stays as it was; the next reconnect tries again.
      return;
    }
    this.root.querySelectorAll<HTMLButtonElement>("button[data-follow-topic]").forEach((b) => this.show(b));
  }

  private async toggle(topic: string): Promise<void> {
    if (this.followed === null || this.busy.has(topic)) {
      return;
    }
    const follow = !this.followed.has(topic);
    this.busy.add(topic);
    this.showTopic(topic);
    try {
      await (follow ? this.calls.follow(topic) : this.calls.unfollow(topic));
      if (follow) {
        this.followed.add(topic);
      } else {
        this.followed.delete(topic);
      }
    } catch (failure) {
      this.showError(hubErrorMessage(failure) ?? "Following could not be changed just now; try again.");
    } finally {
      this.busy.delete(topic);
      this.showTopic(topic);
    }
  }

  private showTopic(topic: string): void {
    this.root.querySelectorAll<HTMLButtonElement>(`button[data-follow-topic="${CSS.escape(topic)}"]`).forEach((b) => this.show(b));
  }

  private show(button: HTMLButtonElement): void {
    const topic = button.dataset.followTopic ?? "";
    const following = this.followed?.has(topic) ?? false;
    button.disabled = this.followed === null;
    button.setAttribute("aria-pressed", following ? "true" : "false");
    (button.querySelector(".follow-word") ?? button).textContent = following ? "Following" : "Follow";
    if (this.busy.has(topic)) {
      button.setAttribute("aria-disabled", "true");
    } else {
      button.removeAttribute("aria-disabled");
    }
  }
}

/**
 * A page's toggles over its staff hub connection (the editor, the desk, the moderation queue): the calls go over it,
 * and the state is read again each time it is live, since a reconnect may follow changes made in another tab.
 */
export function followOverStaffHub(live: LiveConnection, root: HTMLElement, showError: (message: string) => void): FollowToggles {
  const toggles = new FollowToggles(
    root,
    {
      following: () => live.invoke<string[]>("Following"),
      follow: (topic) => live.invoke<void>("Follow", topic),
      unfollow: (topic) => live.invoke<void>("Unfollow", topic),
    },
    showError,
  );
  live.onStatus((status) => {
    if (status === "live") {
      void toggles.refresh();
    }
  });
  return toggles;
}
