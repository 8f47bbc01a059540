import { hubErrorMessage } from "./protocol";

/** The staff hub calls the toggle needs: the caller's own inbox follows, nobody else's. */
export interface FollowCalls {
  following(): Promise<string[]>;
  follow(topic: string): Promise<void>;
  unfollow(topic: string): Promise<void>;
}

/**
 * "Follow this draft": a toggle button (aria-pressed) whose words say the state, "Follow" or "Following". Following the
 * draft's topic (draft:{id}) puts its status changes in the person's inbox. The state shown is the server's: read with
 * Following() on each (re)connect, and changed only once Follow or Unfollow has answered.
 */
export class FollowToggle {
  private following = false;
  private busy = false;

  constructor(
    private readonly button: HTMLButtonElement,
    private readonly topic: string,
    private readonly calls: FollowCalls,
    private readonly showError: (message: string) => void,
  ) {
    // A <button> is pressed with Enter and Space already; nothing else is needed for the keyboard.
    button.addEventListener("click", () => void this.toggle());
  }

  /** Reads the state from the server: on connecting, and again after a reconnect (another tab may have changed it). */
  async refresh(): Promise<void> {
    try {
      this.show((await this.calls.following()).includes(this.topic));
      this.button.disabled = false;
    } catch {
      // Not knowing the state, the button offers nothing rather than a guess; the next reconnect tries again.
    }
  }

  private async toggle(): Promise<void> {
    if (this.busy) {
      return;
    }
    this.busy = true;
    this.button.setAttribute("aria-disabled", "true");
    try {
      const follow = !this.following;
      await (follow ? this.calls.follow(this.topic) : this.calls.unfollow(this.topic));
      this.show(follow);
    } catch (failure) {
      this.showError(hubErrorMessage(failure) ?? "Following the draft could not be changed just now; try again.");
    } finally {
      this.busy = false;
      this.button.removeAttribute("aria-disabled");
    }
  }

  private show(following: boolean): void {
    this.following = following;
    this.button.setAttribute("aria-pressed", following ? "true" : "false");
    this.button.textContent = following ? "Following" : "Follow";
  }
}
