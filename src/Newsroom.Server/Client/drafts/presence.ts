import { EditorState, Extension, Range, StateEffect, StateField } from "@codemirror/state";
import { Decoration, DecorationSet, EditorView, WidgetType } from "@codemirror/view";
import { avatar } from "./avatar";
import { EditorPresence, readableTextOn, safeColour } from "./protocol";

/** Another connection's caret and selection in one field. */
export interface RemoteCursor {
  connectionId: string;
  displayName: string;
  colour: string;
  anchor: number;
  head: number;
}

export const setRemoteCursor = StateEffect.define<RemoteCursor>();
export const dropRemoteCursor = StateEffect.define<string>();

const remoteCursors = StateField.define<ReadonlyMap<string, RemoteCursor>>({
  create: () => new Map(),
  update(cursors, tr) {
    let next: Map<string, RemoteCursor> | null = null;
    if (tr.docChanged) {
      // Positions came from the other editor's view of the document; every change since, ours or
      // anyone's, moves them. assoc 1: text typed at a caret is most often typed by its owner, so the
      // caret goes after it instead of lagging until the next presence message.
      next = new Map();
      for (const [id, cursor] of cursors) {
        next.set(id, { ...cursor, anchor: tr.changes.mapPos(cursor.anchor, 1), head: tr.changes.mapPos(cursor.head, 1) });
      }
    }
    for (const effect of tr.effects) {
      if (effect.is(setRemoteCursor)) {
        next ??= new Map(cursors);
        const length = tr.state.doc.length;
        // The sender may be ahead of or behind us by a few changes: keep its positions inside our text.
        next.set(effect.value.connectionId, {
          ...effect.value,
          anchor: clamp(effect.value.anchor, length),
          head: clamp(effect.value.head, length),
        });
      } else if (effect.is(dropRemoteCursor) && cursors.has(effect.value)) {
        next ??= new Map(cursors);
        next.delete(effect.value);
      }
    }
    return next ?? cursors;
  },
  provide: (field) => EditorView.decorations.from(field, decorate),
});

function clamp(position: number, length: number): number {
  return Math.max(0, Math.min(length, Math.trunc(position) || 0));
}

function decorate(cursors: ReadonlyMap<string, RemoteCursor>): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const cursor of cursors.values()) {
    const colour = safeColour(cursor.colour);
    const from = Math.min(cursor.anchor, cursor.head);
    const to = Math.max(cursor.anchor, cursor.head);
    if (from < to) {
      ranges.push(
        Decoration.mark({
          class: "cm-remote-selection",
          attributes: { style: `background-color: color-mix(in srgb, ${colour} 28%, transparent)` },
        }).range(from, to),
      );
    }
    ranges.push(Decoration.widget({ widget: new RemoteCaret(cursor.connectionId, cursor.displayName, colour), side: 1 }).range(cursor.head));
  }
  return Decoration.set(ranges, true);
}

class RemoteCaret extends WidgetType {
  constructor(readonly connectionId: string, readonly name: string, readonly colour: string) {
    super();
  }

  override eq(other: RemoteCaret): boolean {
    return other.connectionId === this.connectionId && other.name === this.name && other.colour === this.colour;
  }

  toDOM(): HTMLElement {
    const caret = document.createElement("span");
    caret.className = "cm-remote-caret";
    caret.dataset.connectionId = this.connectionId;
    caret.style.borderLeftColor = this.colour;
    // The presence list already tells assistive technology who is here; read inside the text, a flag
    // would interrupt the words around it.
    caret.setAttribute("aria-hidden", "true");
    const flag = document.createElement("span");
    flag.className = "cm-remote-flag";
    flag.textContent = this.name;
    flag.style.backgroundColor = this.colour;
    flag.style.color = readableTextOn(this.colour);
    caret.append(flag);
    return caret;
  }

  override ignoreEvent(): boolean {
    return true;
  }
}

/** Shows other people's carets and selections in one editor. */
export function remotePresence(): Extension {
  return remoteCursors;
}

export function remoteCursorsIn(state: EditorState): ReadonlyMap<string, RemoteCursor> {
  return state.field(remoteCursors);
}

/** Avatars shown before the rest are summed up as "+N": the header has room for about this many. */
const shownPeople = 12;

/**
 * Who else is in the draft: the avatar list, and where each connection's caret is. The server is the
 * judge of who is still here: its presence messages say who left, dropped or fell silent (and a heartbeat
 * that moves nothing is not re-broadcast, so silence here proves nothing). What was missed while this page
 * was offline is corrected by the editors list of the view it re-opens. In a crowded draft the view lists
 * only the most recently active, so the server's count of everyone present says how many are not shown.
 */
export class PresenceRoster {
  private readonly entries = new Map<string, EditorPresence>();
  // A connection id is never reused, so a departure is final: a presence message for it that arrives
  // late (events are buffered while the draft opens, unordered against the view) must not revive it.
  private readonly departed = new Set<string>();
  private othersPresent = 0;

  constructor(
    private readonly list: HTMLElement,
    private readonly place: (editor: EditorPresence) => void,
    private readonly remove: (connectionId: string) => void,
    private readonly isOwn: (connectionId: string) => boolean,
  ) {
    this.render();
  }

  /** One presence message: applied whole, then shown once. */
  apply(editors: readonly EditorPresence[], left: readonly string[], present: number): void {
    for (const connectionId of left) {
      this.departed.add(connectionId);
      if (this.entries.delete(connectionId)) {
        this.remove(connectionId);
      }
    }
    for (const editor of editors) {
      if (!this.departed.has(editor.connectionId) && !this.isOwn(editor.connectionId)) {
        this.entries.set(editor.connectionId, editor);
        this.place(editor);
      }
    }
    this.othersPresent = Math.max(this.entries.size, present - 1);
    this.render();
  }

  /** Replaces everyone with the given list, as a freshly opened view of the draft has it. */
  reset(editors: readonly EditorPresence[], present: number): void {
    const keep = new Set(editors.map((e) => e.connectionId));
    for (const id of [...this.entries.keys()]) {
      if (!keep.has(id)) {
        this.entries.delete(id);
        this.remove(id);
      }
    }
    this.apply(editors, [], present);
  }

  private render(): void {
    // One avatar per person, though they may have the draft open in several tabs.
    const people = new Map<string, EditorPresence>();
    for (const editor of this.entries.values()) {
      people.set(editor.userName, editor);
    }
    const sorted = [...people.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
    const items = sorted.slice(0, shownPeople).map((editor) => avatar(editor));
    const unshown = sorted.length - items.length + (this.othersPresent - this.entries.size);
    if (unshown > 0) {
      const more = document.createElement("li");
      more.className = "avatar-more";
      more.textContent = `+${unshown}`;
      more.title = `${unshown} more here`;
      items.push(more);
    }
    if (items.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No one else is here right now.";
      items.push(empty);
    }
    this.list.replaceChildren(...items);
  }
}
