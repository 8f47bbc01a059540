// The desk's list of drafts: who is in each right now and its last change, kept live by
// desk.draft-changed events on the desk channel; and the "New draft" form.
import { avatar } from "./drafts/avatar";
import { DraftList, DraftSummary } from "./drafts/protocol";

export class DeskDrafts {
  private readonly drafts = new Map<string, DraftSummary>();

  constructor(
    private readonly list: HTMLElement,
    private readonly empty: HTMLElement,
  ) {}

  /** Loads the list; a failure is shown in the list's place and does not stop the rest of the desk. */
  async load(): Promise<void> {
    let snapshot: DraftList;
    try {
      const response = await fetch("/api/drafts", { headers: { Accept: "application/json" } });
      if (!response.ok) {
        throw new Error(`status ${response.status}`);
      }
      snapshot = (await response.json()) as DraftList;
    } catch (failure) {
      this.empty.textContent = `The drafts could not be loaded (${failure instanceof Error ? failure.message : "unknown error"}); reload the page to try again.`;
      this.empty.hidden = false;
      return;
    }
    this.show(snapshot.drafts);
  }

  show(drafts: readonly DraftSummary[]): void {
    this.empty.textContent = "No drafts yet.";
    this.drafts.clear();
    for (const draft of drafts) {
      this.drafts.set(draft.id, draft);
    }
    this.render();
  }

  /** An event carries the whole summary, so applying it twice or late does no harm. */
  upsert(draft: DraftSummary): void {
    this.drafts.set(draft.id, draft);
    this.render();
  }

  private render(): void {
    // Most recently changed first: that is where the desk's attention is.
    const drafts = [...this.drafts.values()].sort((a, b) => (b.lastChangedAt ?? "").localeCompare(a.lastChangedAt ?? ""));
    const focusedId = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-draft-id]")?.dataset.draftId;
    this.list.replaceChildren(...drafts.map(renderDraft));
    this.empty.hidden = drafts.length > 0;
    // Re-rendering must not throw a keyboard user's focus back to the top of the page.
    if (focusedId) {
      this.list.querySelector<HTMLAnchorElement>(`[data-draft-id="${CSS.escape(focusedId)}"] a`)?.focus();
    }
  }
}

function renderDraft(draft: DraftSummary): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "draft";
  item.dataset.draftId = draft.id;

  const link = document.createElement("a");
  link.href = `/drafts/${encodeURIComponent(draft.id)}`;
  link.className = "draft-headline";
  link.textContent = draft.headline.trim() || "Untitled draft";

  const changed = document.createElement("p");
  changed.className = "meta";
  if (draft.lastChangedAt) {
    const time = document.createElement("time");
    time.dateTime = draft.lastChangedAt;
    time.textContent = formatWhen(draft.lastChangedAt);
    changed.append("Last change ", time, draft.lastChangedBy ? ` by ${draft.lastChangedBy}` : "");
  } else {
    changed.textContent = "No changes yet";
  }

  const editors = document.createElement("ul");
  editors.className = "avatars";
  editors.setAttribute("aria-label", draft.editors.length ? "In this draft now" : "No one is in this draft");
  editors.append(...draft.editors.map(avatar));

  item.append(link, changed, editors);
  return item;
}

function formatWhen(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) {
    return iso;
  }
  const today = new Date();
  const sameDay = when.toDateString() === today.toDateString();
  return sameDay
    ? when.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : when.toLocaleString([], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** "New draft": creates one with the optional headline typed, then opens it in the editor. */
export function wireNewDraftForm(form: HTMLFormElement, headline: HTMLInputElement, error: HTMLElement): void {
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    const button = form.querySelector("button");
    if (button) {
      button.disabled = true;
    }
    try {
      const text = headline.value.trim();
      const response = await fetch("/api/drafts", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(text ? { headline: text } : {}),
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(problem?.detail ?? `Creating the draft failed (${response.status}).`);
      }
      const created = (await response.json()) as { id: string };
      // ?new=1: the editor puts the focus in the headline of a draft just made.
      location.assign(`/drafts/${encodeURIComponent(created.id)}?new=1`);
    } catch (failure) {
      error.textContent = failure instanceof Error ? failure.message : "Creating the draft failed.";
      error.hidden = false;
      if (button) {
        button.disabled = false;
      }
    }
  });
}
