import { ChannelEnvelope, LiveConnection, LiveStatus } from "./live/live-connection";
import { DeskDrafts, wireNewDraftForm } from "./desk-drafts";
import { DraftChangedEvent, DraftStatus, DraftSummary, hubErrorMessage } from "./drafts/protocol";
import { followOverStaffHub } from "./notifications/follow-toggle";

interface DeskBulletin {
  number: number;
  author: string;
  text: string;
  postedAt: string;
}

interface BulletinPosted {
  type: "desk.bulletin-posted";
  bulletin: DeskBulletin;
}

type DeskEvent = BulletinPosted | DraftChangedEvent;

const section = document.getElementById("desk") as HTMLElement;
const desk = section.dataset.desk ?? "newsroom";
const list = document.getElementById("bulletin-list") as HTMLOListElement;
const status = document.getElementById("live-status") as HTMLElement;
const form = document.getElementById("bulletin-form") as HTMLFormElement;
const input = document.getElementById("bulletin-text") as HTMLInputElement;
const error = document.getElementById("bulletin-error") as HTMLElement;
const draftsSection = document.getElementById("drafts") as HTMLElement;
const draftError = document.getElementById("draft-list-error") as HTMLElement;
const draftList = document.getElementById("draft-list") as HTMLElement;
const drafts = new DeskDrafts(
  draftList,
  document.getElementById("draft-list-empty") as HTMLElement,
  {
    userName: draftsSection.dataset.userName ?? "",
    staffNames: JSON.parse(draftsSection.dataset.staff ?? "{}") as Record<string, string>,
    restore: draftsSection.dataset.canRestore === "true" ? restoreDraft : null,
    summary: document.getElementById("draft-filter-summary") as HTMLElement,
    followToggle: (topic) => follows.create(topic),
  },
);

/** Restore from the Archived view; the desk's event then moves the draft back to the current list. */
async function restoreDraft(draftId: string): Promise<void> {
  draftError.hidden = true;
  try {
    await live.invoke("TakeStep", draftId, "restore", null, null);
  } catch (failure) {
    draftError.textContent = `The draft was not restored. ${hubErrorMessage(failure) ?? "The connection to the newsroom dropped; try again once it is back."}`;
    draftError.hidden = false;
  }
}

const filters = document.getElementById("draft-filters") as HTMLFormElement;
const statusFilter = document.getElementById("draft-status-filter") as HTMLSelectElement;
function applyFilters(): void {
  const archived = (filters.elements.namedItem("view") as RadioNodeList).value === "archived";
  // Archived drafts have one status: the status filter has nothing to choose from there.
  statusFilter.disabled = archived;
  drafts.setFilter({
    archived,
    status: statusFilter.value as DraftStatus | "",
    assignedToMe: (document.getElementById("draft-mine-filter") as HTMLInputElement).checked,
  });
}
filters.addEventListener("change", applyFilters);
filters.addEventListener("submit", (e) => e.preventDefault());
// Only staff who may create drafts get the form (moderators do not).
const newDraftForm = document.getElementById("new-draft-form") as HTMLFormElement | null;
if (newDraftForm) {
  wireNewDraftForm(
    newDraftForm,
    document.getElementById("new-draft-headline") as HTMLInputElement,
    document.getElementById("new-draft-error") as HTMLElement,
  );
}

const statusText: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live: new bulletins and changes to drafts appear here as they happen.",
  reconnecting: "Connection lost; reconnecting…",
  offline: "Offline; retrying…",
};

function render(bulletin: DeskBulletin): HTMLLIElement {
  const item = document.createElement("li");
  item.dataset.number = String(bulletin.number);
  const text = document.createElement("span");
  text.className = "text";
  text.textContent = bulletin.text;
  const meta = document.createElement("span");
  meta.className = "meta";
  meta.textContent = ` — ${bulletin.author}, ${new Date(bulletin.postedAt).toLocaleTimeString()}`;
  item.append(text, meta);
  return item;
}

const live = new LiveConnection("/hubs/staff", (s) => {
  status.textContent = statusText[s];
  status.dataset.state = s;
});
// Every row's "Follow": one Following() call per (re)connect for the whole list.
const follows = followOverStaffHub(live, draftList, (message) => {
  draftError.textContent = message;
  draftError.hidden = false;
});

live.channel<DeskEvent>(`desk:${desk}`, {
  async load() {
    const response = await fetch(`/api/desks/${encodeURIComponent(desk)}/bulletins`);
    if (!response.ok) {
      throw new Error(`Loading bulletins failed: ${response.status}`);
    }
    const snapshot = (await response.json()) as { version: number; bulletins: DeskBulletin[]; drafts?: DraftSummary[] };
    list.replaceChildren(...snapshot.bulletins.map(render));
    // The desk's snapshot carries its drafts at the same version. Should it not, read them after it:
    // they are then at least as new, and the events that follow are whole summaries, harmless to replay.
    if (snapshot.drafts) {
      drafts.show(snapshot.drafts);
    } else {
      await drafts.load();
    }
    return snapshot.version;
  },
  apply(envelope: ChannelEnvelope<DeskEvent>) {
    const event = envelope.event;
    switch (event.type) {
      case "desk.bulletin-posted":
        if (!list.querySelector(`li[data-number="${event.bulletin.number}"]`)) {
          list.append(render(event.bulletin));
        }
        break;
      case "desk.draft-changed":
        drafts.upsert(event.draft);
        break;
    }
  },
});

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  error.hidden = true;
  const response = await fetch(`/api/desks/${encodeURIComponent(desk)}/bulletins`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ text: input.value }),
  });
  if (response.ok) {
    input.value = "";
  } else {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    error.textContent = problem.detail ?? "Posting failed.";
    error.hidden = false;
  }
});

void live.start();
