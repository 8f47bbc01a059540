// The drafts protocol as the server speaks it (camelCase JSON over the staff hub and /api/drafts).

export const draftFields = ["headline", "standfirst", "body"] as const;
export type DraftFieldName = (typeof draftFields)[number];

/** `ChangeSet.toJSON()` of @codemirror/state: numbers keep, `[n]` deletes, `[n, ...lines]` replaces. */
export type ChangeSetJson = readonly (number | readonly [number, ...string[]])[];

export interface UpdateJson {
  clientId: string;
  changes: ChangeSetJson;
}

export interface FieldView {
  version: number;
  text: string;
}

export interface DraftMetadata {
  section: string;
  tags: string[];
  byline: string;
  slug: string;
}

export interface DraftView {
  id: string;
  fields: Record<DraftFieldName, FieldView>;
  metadata: DraftMetadata;
  createdBy: string;
  createdAt: string;
  /** Who is in the draft as it is opened, this connection included: the 50 most recently active at most. */
  editors: EditorPresence[];
  /** How many connections are present, listed or not. */
  present: number;
  /** The channel version the view is current at; it orders nothing per field. */
  sequence: number;
  workflow: DraftWorkflow;
}

export type DraftStatus = "draft" | "in-review" | "approved" | "published" | "withdrawn" | "archived";
export type WorkflowStep = "submit" | "send-back" | "approve" | "publish" | "update" | "withdraw" | "archive" | "restore";

export interface DraftAssignee {
  userName: string;
  displayName: string;
}

export interface DraftTransition {
  at: string;
  /** The display name of who took the step. */
  by: string;
  step: WorkflowStep;
  from: DraftStatus;
  to: DraftStatus;
  note: string;
}

export interface DraftWorkflow {
  status: DraftStatus;
  assignedTo: DraftAssignee | null;
  /** Oldest first, as stored. */
  history: DraftTransition[];
  publishedSlug: string | null;
}

/** A status in words, as the editor and the desk show it. */
export const statusWords: Record<DraftStatus, string> = {
  draft: "Draft",
  "in-review": "In review",
  approved: "Approved",
  published: "Published",
  withdrawn: "Withdrawn",
  archived: "Archived",
};

export interface PushResult {
  version: number;
}

export interface PullResult {
  fromVersion: number;
  updates: UpdateJson[];
}

export interface PresenceSelection {
  field: DraftFieldName;
  anchor: number;
  head: number;
  /** The field version the positions are in: this editor's synced version, its own unsent changes mapped out. */
  version: number;
}

export interface EditorPresence {
  connectionId: string;
  userName: string;
  displayName: string;
  initials: string;
  colour: string;
  /** Null until the editor first reports a cursor. */
  field: DraftFieldName | null;
  anchor: number;
  head: number;
  /** The field version the server moved the positions to (what it had made durable then). */
  version: number;
}

export interface DraftUpdatesEvent {
  type: "draft.updates";
  field: DraftFieldName;
  fromVersion: number;
  updates: UpdateJson[];
}

export interface DraftMetadataEvent {
  type: "draft.metadata";
  metadata: DraftMetadata;
  changedBy: string;
}

/** Every presence change over one short interval: who joined or moved (as they are now), who went, and the count after. */
export interface DraftPresenceEvent {
  type: "draft.presence";
  editors: EditorPresence[];
  left: string[];
  present: number;
}

export interface DraftWorkflowEvent {
  type: "draft.workflow";
  workflow: DraftWorkflow;
}

export type DraftEvent = DraftUpdatesEvent | DraftMetadataEvent | DraftPresenceEvent | DraftWorkflowEvent;

/** Who is in a draft, as the desk's list shows them. */
export interface DraftEditorSummary {
  userName: string;
  displayName: string;
  initials: string;
  colour: string;
}

export interface DraftSummary {
  id: string;
  headline: string;
  /** Null for a draft nobody has changed since it was listed. */
  lastChangedAt: string | null;
  lastChangedBy: string | null;
  editors: DraftEditorSummary[];
  /** Absent from summaries stored before the workflow existed: those are drafts. */
  status?: DraftStatus;
  /** The user name of the assignee, or null. */
  assignedTo?: string | null;
}

export interface DraftList {
  version: number;
  drafts: DraftSummary[];
}

export interface DraftChangedEvent {
  type: "desk.draft-changed";
  draft: DraftSummary;
}

export function isDraftField(value: unknown): value is DraftFieldName {
  return typeof value === "string" && (draftFields as readonly string[]).includes(value);
}

/**
 * The server's own words from a failed invocation. SignalR wraps a HubException's message in
 * "An unexpected error occurred invoking 'X' on the server. HubException: ..."; anything else is a
 * transport failure whose text is not meant for people.
 */
export function hubErrorMessage(error: unknown): string | null {
  const text = error instanceof Error ? error.message : String(error);
  const marker = "HubException: ";
  const at = text.indexOf(marker);
  return at >= 0 ? text.slice(at + marker.length) : null;
}

/**
 * The server's answer when a draft did not answer in time (DraftCaller.BusyMessage): nothing is wrong
 * with what was sent, and sending it again is safe, so the editor retries instead of giving up.
 */
// After that answer: long enough for a slow store to catch its breath.
export const busyRetryMs = 2_000;

export function isBusyAnswer(message: string | null): message is string {
  return message !== null && message.startsWith("The draft did not answer in time");
}

/** Black or white, whichever reads better on the given #rrggbb background (WCAG relative luminance). */
export function readableTextOn(colour: string): string {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour.trim());
  if (!match) {
    return "#000";
  }
  const [r, g, b] = match.slice(1, 4).map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with white is 1.05 / (L + 0.05); with black (L + 0.05) / 0.05. Pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#fff" : "#000";
}

/** A colour the browser accepts as a CSS value, so a server value never injects other CSS. */
export function safeColour(colour: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(colour.trim()) ? colour.trim() : "#6b7280";
}
