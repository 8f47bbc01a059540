// The draft editor page (/drafts/{id}): three collaborative texts, live metadata, presence and a preview.
import { LiveConnection } from "./live/live-connection";
import { CollabField } from "./drafts/collab-field";
import { DraftSession, SyncState } from "./drafts/draft-session";
import { StoryPreview } from "./drafts/preview";
import { DraftFieldName, DraftMetadata, DraftStatus, DraftView, WorkflowStep } from "./drafts/protocol";
import { WorkflowPanel } from "./drafts/workflow-panel";
import { countWords, describeLength } from "./drafts/word-count";
import { followOverStaffHub } from "./notifications/follow-toggle";

const root = document.getElementById("draft-editor") as HTMLElement;
const draftId = root.dataset.draftId ?? "";
const canEdit = root.dataset.canEdit !== "false";
const status = document.getElementById("draft-status") as HTMLElement;
const alertBox = document.getElementById("draft-alert") as HTMLElement;
const alertText = document.getElementById("draft-alert-text") as HTMLElement;
const reloadButton = document.getElementById("draft-reload") as HTMLButtonElement;
const dismissButton = document.getElementById("draft-dismiss") as HTMLButtonElement;
const presenceList = document.getElementById("presence-list") as HTMLElement;
const preview = new StoryPreview(document.getElementById("preview") as HTMLElement);
const metadataForm = document.getElementById("metadata-form") as HTMLFormElement;
const metadataNote = document.getElementById("metadata-note") as HTMLElement;
const wordCount = document.getElementById("word-count") as HTMLElement;

const statusText: Record<SyncState, string> = {
  connecting: "Connecting…",
  offline: "Offline — your changes are kept here and will be sent when the connection returns",
  reconnecting: "Reconnecting — your changes are kept here and will be sent again",
  saving: "Saving…",
  saved: "Saved",
  refused: "Details not saved: the last change to them was refused",
  error: "Changes are not being saved: see the message below",
};

interface FieldSetup {
  singleParagraph: boolean;
  markdown: boolean;
  placeholder: string;
  /** The server's limits (DraftLimits.MaxLength). */
  maxLength: number;
}

const fieldSetup: Record<DraftFieldName, FieldSetup> = {
  headline: { singleParagraph: true, markdown: false, placeholder: "What happened, in a line", maxLength: 1_000 },
  standfirst: { singleParagraph: true, markdown: false, placeholder: "One paragraph that sums up the story", maxLength: 5_000 },
  body: { singleParagraph: false, markdown: true, placeholder: "The story, in Markdown", maxLength: 500_000 },
};

const editors = {} as Record<DraftFieldName, CollabField>;

// The desk's "New draft" opens /drafts/{id}?new=1: the headline is what comes next, so it gets the focus.
// An existing draft opens without it: a person opening one often reads first, and a stray key should not
// change its headline. The address loses ?new=1 at once, so a reload or a copied link is an existing draft.
const justCreated = new URLSearchParams(location.search).has("new");
if (justCreated) {
  history.replaceState(history.state, "", location.pathname + location.hash);
}

let wordCountFrame = 0;

function updatePreview(): void {
  preview.update({ headline: editors.headline.text, standfirst: editors.standfirst.text, body: editors.body.text });
  // Once a frame at most: a long body is counted once however fast the keys (or others' updates) come.
  wordCountFrame ||= requestAnimationFrame(() => {
    wordCountFrame = 0;
    wordCount.textContent = describeLength(countWords(editors.body.text));
  });
}

function open(view: DraftView): Record<DraftFieldName, CollabField> {
  for (const name of ["headline", "standfirst", "body"] as const) {
    const host = document.getElementById(`${name}-editor`) as HTMLElement;
    host.replaceChildren();
    host.removeAttribute("aria-busy");
    const hint = document.getElementById(`${name}-hint`);
    editors[name] = new CollabField({
      field: name,
      parent: host,
      labelId: `${name}-label`,
      describedBy: hint ? hint.id : undefined,
      text: view.fields[name].text,
      version: view.fields[name].version,
      ...fieldSetup[name],
      readOnly: !canEdit,
      onRefused: (message) => showError(message, false),
      onDocChange(_field, local) {
        updatePreview();
        if (local) {
          // Outside CodeMirror's update cycle, in which nothing may dispatch a new transaction.
          queueMicrotask(() => session.flush());
        }
      },
      onSelection(field) {
        if (field.hasFocus) {
          session.selectionChanged(field.name);
        }
      },
    });
    // The labels are not <label>s (the editors are not form controls): make them work like ones.
    document.getElementById(`${name}-label`)?.addEventListener("click", () => editors[name].focus());
  }
  updatePreview();
  const nothingFocused = document.activeElement === null || document.activeElement === document.body;
  if (justCreated && canEdit && nothingFocused) {
    editors.headline.focusAtEnd();
  }
  return editors;
}

function showState(state: SyncState): void {
  status.textContent = statusText[state];
  status.dataset.state = state;
}

let fatalShown = false;

/** Shows a message; one that offers a reload means saving has stopped, and it stays until the reload. */
function showError(message: string, offerReload: boolean): void {
  if (fatalShown && !offerReload) {
    return;
  }
  fatalShown = offerReload;
  alertText.textContent = message;
  reloadButton.hidden = !offerReload;
  dismissButton.hidden = offerReload;
  alertBox.hidden = false;
}

function clearError(): void {
  if (!fatalShown) {
    alertBox.hidden = true;
    alertText.textContent = "";
  }
}

reloadButton.addEventListener("click", () => location.reload());
dismissButton.addEventListener("click", clearError);

// Metadata: last writer wins, property by property, saved when a field is left or Enter is pressed.
const metadataInputs = {
  section: document.getElementById("draft-section") as HTMLInputElement,
  tags: document.getElementById("draft-tags") as HTMLInputElement,
  byline: document.getElementById("draft-byline") as HTMLInputElement,
  slug: document.getElementById("draft-slug") as HTMLInputElement,
};
type MetadataKey = keyof typeof metadataInputs;
const shown: Record<MetadataKey, string> = { section: "", tags: "", byline: "", slug: "" };

function formValue(key: MetadataKey, metadata: DraftMetadata): string {
  return key === "tags" ? metadata.tags.join(", ") : metadata[key];
}

function parseTags(text: string): string[] {
  return [...new Set(text.split(",").map((t) => t.trim()).filter((t) => t.length > 0))];
}

let lastChangedNote = "";
let detailsRefused = false;

function showMetadata(metadata: DraftMetadata, changedBy: string | null): void {
  for (const key of Object.keys(metadataInputs) as MetadataKey[]) {
    const input = metadataInputs[key];
    const value = formValue(key, metadata);
    // Someone typing in this input now keeps what they typed; it is sent when they leave it.
    const beingEdited = document.activeElement === input && input.value !== shown[key];
    if (!beingEdited) {
      input.value = value;
    }
    shown[key] = value;
  }
  for (const input of Object.values(metadataInputs)) {
    input.disabled = !canEdit;
  }
  if (changedBy) {
    lastChangedNote = `Details last changed by ${changedBy}.`;
    if (!detailsRefused) {
      metadataNote.textContent = lastChangedNote;
    }
  }
}

/** Said beside the details too: the message at the top of the page may be scrolled out of sight. */
function showDetailsRefused(refused: boolean): void {
  detailsRefused = refused;
  metadataNote.textContent = refused ? "Your last change to the details was not saved: see the message at the top of the page." : lastChangedNote;
  metadataNote.classList.toggle("error", refused);
}

function saveMetadata(key: MetadataKey): void {
  const input = metadataInputs[key];
  if (input.value === shown[key]) {
    return;
  }
  shown[key] = input.value;
  if (key === "tags") {
    session.setMetadata({ tags: parseTags(input.value) });
  } else {
    session.setMetadata({ [key]: input.value.trim() });
  }
}

for (const key of Object.keys(metadataInputs) as MetadataKey[]) {
  metadataInputs[key].addEventListener("change", () => saveMetadata(key));
  // A form of several inputs and no submit button is not submitted by Enter: save on it here.
  metadataInputs[key].addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      saveMetadata(key);
    }
  });
}
metadataForm.addEventListener("submit", (e) => {
  e.preventDefault();
  for (const key of Object.keys(metadataInputs) as MetadataKey[]) {
    saveMetadata(key);
  }
});

const live = new LiveConnection("/hubs/staff");
const workflow = new WorkflowPanel({
  draftId,
  stepsByStatus: JSON.parse(root.dataset.steps ?? "{}") as Partial<Record<DraftStatus, WorkflowStep[]>>,
  call: (method, ...args) => live.invoke(method, ...args),
  showError: (message) => showError(message, false),
  clearError,
});
const session = new DraftSession(
  live,
  draftId,
  {
    opened: open,
    metadataChanged: showMetadata,
    stateChanged: showState,
    detailsRefused: showDetailsRefused,
    error: showError,
    clearError,
    workflowChanged: (w) => workflow.show(w),
  },
  presenceList,
);

followOverStaffHub(live, document.querySelector(".editor-head") as HTMLElement, (message) => showError(message, false)).bind(
  document.getElementById("draft-follow") as HTMLButtonElement,
  `draft:${draftId}`,
);

// Only while something typed here is not yet stored: a reload then would lose it.
window.addEventListener("beforeunload", (e) => {
  if (session.hasUnsavedChanges) {
    e.preventDefault();
    e.returnValue = "";
  }
});
window.addEventListener("pagehide", () => session.leave());

void live.start();
