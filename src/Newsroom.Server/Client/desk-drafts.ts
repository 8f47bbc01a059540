// The desk's list of drafts: who is in each right now, its status, assignee and last change, kept live by
// desk.draft-changed events on the desk channel; filters over that live list; and the "New draft" form.
import { avatar } from "./drafts/avatar";
import { DraftList, DraftStatus, DraftSummary, statusWords } from "./drafts/protocol";
import { formatWhen } from "./drafts/when";

/** What the list shows: the filters of the form above it. Archived drafts show only in the Archived view. */
export interface DraftFilter {
  archived: boolean;
  status: DraftStatus | "";
  assignedToMe: boolean;
}

export interface DeskDraftsOptions {
  userName: string;
  /** User name to display name, for the assignee. */
  staffNames: Record<string, string>;
  /** Offered in the Archived view to those the workflow lets restore; null for the others. */
  restore: ((draftId: string) => Promise<void>) | null;
  /** Says, for screen readers, how many drafts the filters leave. */
  summary: HTMLElement;
  /** A "Follow" toggle for a topic (notifications/follow-toggle.ts): each row gets one for its draft. */
  followToggle: (topic: string) => HTMLButtonElement;
}

export class DeskDrafts {
  private readonly drafts = new Map<string, DraftSummary>();
  // The row drawn for each draft's latest summary. A live change draws its own row again and moves rows only where the
  // order changed: drawing every row again on each change grew with the drafts on the desk times the changes per
  // second, hundreds of drafts and dozens being edited on a results night.
  private readonly rows = new Map<string, { draft: DraftSummary; item: HTMLLIElement }>();
  private filter: DraftFilter = { archived: false, status: "", assignedToMe: false };
  private loaded = false;

  constructor(
    private readonly list: HTMLElement,
    private readonly empty: HTMLElement,
    private readonly options: DeskDraftsOptions,
  ) {}

  /** Filtering is the page's own: the live list is all there, so nothing is fetched again. */
  setFilter(filter: DraftFilter): void {
    this.filter = filter;
    this.render();
    const count = this.list.children.length;
    this.options.summary.textContent = `${count} ${count === 1 ? "draft" : "drafts"} shown.`;
  }

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
    this.loaded = true;
    this.drafts.clear();
    this.rows.clear();
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

  private shows(draft: DraftSummary): boolean {
    const status = draft.status ?? "draft";
    const { archived, status: wanted, assignedToMe } = this.filter;
    if ((status === "archived") !== archived) {
      return false;
    }
    if (!archived && wanted && status !== wanted) {
      return false;
    }
    return !assignedToMe || (draft.assignedTo ?? "").toLowerCase() === this.options.userName.toLowerCase();
  }

  private render(): void {
    if (!this.loaded) {
      return;
    }
    // Most recently changed first: that is where the desk's attention is.
    const drafts = [...this.drafts.values()]
      .filter((d) => this.shows(d))
      .sort((a, b) => (b.lastChangedAt ?? "").localeCompare(a.lastChangedAt ?? ""));
    const focused = document.activeElement as HTMLElement | null;
    const focusedId = focused?.closest<HTMLElement>("#draft-list [data-draft-id]")?.dataset.draftId;
    const focusedWhat = focused?.classList.contains("follow-toggle") ? ".follow-toggle" : focused?.classList.contains("restore") ? ".restore" : "a";
    const items = drafts.map((d) => this.rowFor(d));
    const rows = this.list.children;
    items.forEach((item, i) => {
      if (rows[i] !== item) {
        this.list.insertBefore(item, rows[i] ?? null);
      }
    });
    while (rows.length > items.length) {
      rows[rows.length - 1].remove();
    }
    this.empty.hidden = drafts.length > 0;
    const filtered = this.filter.status !== "" || this.filter.assignedToMe;
    this.empty.textContent =
      this.drafts.size === 0 ? "No drafts yet." : filtered ? "No drafts match these filters." : this.filter.archived ? "No archived drafts." : "No current drafts.";
    // A change must not throw a keyboard user's focus back to the top of the page: a row moved or drawn again loses it.
    if (focusedId && document.activeElement !== focused) {
      this.list.querySelector<HTMLElement>(`[data-draft-id="${CSS.escape(focusedId)}"] ${focusedWhat}`)?.focus();
    }
  }

  private rowFor(draft: DraftSummary): HTMLLIElement {
    const drawn = this.rows.get(draft.id);
    if (drawn?.draft === draft) {
      return drawn.item;
    }
    const item = this.renderDraft(draft);
    this.rows.set(draft.id, { draft, item });
    return item;
  }

  private renderDraft(draft: DraftSummary): HTMLLIElement {
    const item = renderDraft(draft, this.options.staffNames);
    const actions = document.createElement("div");
    actions.className = "draft-actions";
    const follow = this.options.followToggle(`draft:${draft.id}`);
    follow.id = `draft-follow-${draft.id}`;
    // Named "Follow <headline>" from its own state word and the row's link: "Follow" alone repeated down a list says
    // nothing, and the visible word stays the start of the name.
    follow.setAttribute("aria-labelledby", `${follow.id} draft-headline-${draft.id}`);
    follow.setAttribute("aria-describedby", "draft-follow-hint");
    actions.append(follow);
    item.append(actions);
    const restore = this.options.restore;
    if (restore && (draft.status ?? "draft") === "archived") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "restore";
      button.textContent = "Restore";
      // The row's headline in the name: "Restore" alone repeated down a list says nothing.
      button.setAttribute("aria-label", `Restore ${draft.headline.trim() || "Untitled draft"}`);
      button.addEventListener("click", async () => {
        button.setAttribute("aria-disabled", "true");
        await restore(draft.id);
        button.removeAttribute("aria-disabled");
      });
      actions.append(button);
    }
    return item;
  }
}

function renderDraft(draft: DraftSummary, staffNames: Record<string, string>): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "draft";
  item.dataset.draftId = draft.id;

  const link = document.createElement("a");
  link.href = `/drafts/${encodeURIComponent(draft.id)}`;
  link.className = "draft-headline";
  link.id = `draft-headline-${draft.id}`;
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

  const status = draft.status ?? "draft";
  const state = document.createElement("p");
  state.className = "state";
  const badge = document.createElement("span");
  badge.className = "status-badge";
  badge.dataset.status = status;
  badge.textContent = statusWords[status] ?? status;
  const assignee = draft.assignedTo ? (staffNames[draft.assignedTo] ?? draft.assignedTo) : null;
  state.append(badge, assignee ? ` · Assigned to ${assignee}` : " · Not assigned");

  const editors = document.createElement("ul");
  editors.className = "avatars";
  editors.setAttribute("aria-label", draft.editors.length ? "In this draft now" : "No one is in this draft");
  editors.append(...draft.editors.map(avatar));

  item.append(link, state, changed, editors);
  return item;
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
