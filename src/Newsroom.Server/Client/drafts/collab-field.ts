import { collab, getSyncedVersion, receiveUpdates, sendableUpdates } from "@codemirror/collab";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { commonmarkLanguage, markdownKeymap, pasteURLAsLink } from "@codemirror/lang-markdown";
import { defaultHighlightStyle, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { ChangeSet, EditorState, Extension, Prec, Transaction } from "@codemirror/state";
import { drawSelection, EditorView, highlightSpecialChars, keymap, placeholder, ViewUpdate } from "@codemirror/view";
import { dropRemoteCursor, remotePresence, RemoteCursor, setRemoteCursor } from "./presence";
import { ChangeSetJson, DraftFieldName, UpdateJson } from "./protocol";

export interface CollabFieldOptions {
  field: DraftFieldName;
  parent: HTMLElement;
  /** Id of the visible label; the editable element is named by it. */
  labelId: string;
  describedBy?: string;
  text: string;
  version: number;
  /** Headline and standfirst are one paragraph: Enter does nothing and pasted line breaks become spaces. */
  singleParagraph: boolean;
  markdown: boolean;
  /** For those who may read the draft but not change it: they still follow it live. */
  readOnly: boolean;
  /** The server's limit on the field's length (UTF-16 code units). */
  maxLength: number;
  placeholder?: string;
  /** Typing or pasting here was refused before it could reach the server, and why. */
  onRefused(message: string): void;
  onDocChange(field: CollabField, local: boolean): void;
  onSelection(field: CollabField): void;
}

/** One collaborative text of a draft: a CodeMirror editor with @codemirror/collab. */
export class CollabField {
  readonly name: DraftFieldName;
  readonly view: EditorView;
  readonly clientId = newClientId();

  constructor(options: CollabFieldOptions) {
    this.name = options.field;
    const extensions: Extension[] = [
      collab({ startVersion: options.version, clientID: this.clientId }),
      history(),
      drawSelection(),
      highlightSpecialChars(),
      EditorView.lineWrapping,
      // No indentWithTab: Tab and Shift+Tab must keep moving between the fields for keyboard users.
      keymap.of([...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({
        "aria-labelledby": options.labelId,
        ...(options.describedBy ? { "aria-describedby": options.describedBy } : {}),
        "aria-multiline": options.singleParagraph ? "false" : "true",
        spellcheck: "true",
        autocapitalize: "sentences",
        ...(options.readOnly ? { "aria-readonly": "true" } : {}),
      }),
      remotePresence(),
      EditorState.transactionFilter.of((tr) => this.withinLimits(tr, options)),
      EditorView.updateListener.of((update) => this.updated(update, options)),
    ];
    if (options.readOnly) {
      // Still focusable and selectable, so a reader can move through the text and copy from it.
      extensions.push(EditorState.readOnly.of(true));
    }
    // A prompt to type is no use to someone who may not.
    if (options.placeholder && !options.readOnly) {
      extensions.push(placeholder(options.placeholder));
    }
    if (options.markdown) {
      // Not markdown(): it pulls in HTML, CSS and JavaScript parsers for embedded code (about 130 KB of the 633 KB bundle),
      // which a story's body does not need to highlight.
      extensions.push(
        new LanguageSupport(commonmarkLanguage, [pasteURLAsLink, Prec.high(keymap.of(markdownKeymap))]),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      );
    }
    if (options.singleParagraph) {
      extensions.push(
        Prec.highest(keymap.of([{ key: "Enter", run: () => true }])),
        EditorView.clipboardInputFilter.of((text) => text.replace(/\s*[\r\n]+\s*/g, " ")),
      );
    }
    this.view = new EditorView({
      parent: options.parent,
      state: EditorState.create({ doc: options.text, extensions }),
    });
  }

  /** The server version this editor's text is based on. */
  get version(): number {
    return getSyncedVersion(this.view.state);
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  /** Local updates the server has not confirmed yet, oldest first, in the wire format. */
  pending(): UpdateJson[] {
    return sendableUpdates(this.view.state).map((u) => ({ clientId: u.clientID, changes: u.changes.toJSON() as ChangeSetJson }));
  }

  get hasPending(): boolean {
    return sendableUpdates(this.view.state).length > 0;
  }

  /**
   * Applies updates that directly follow this editor's version (the caller checks the start version:
   * receiveUpdates itself does not). Our own updates among them are recognised by client id.
   */
  receive(updates: readonly UpdateJson[]): void {
    if (updates.length === 0) {
      return;
    }
    // One update per receiveUpdates call, exactly as the server rebases (SequentialRebase): mapping local
    // changes over a batch's composition can order an insertion differently than mapping over each update
    // in turn, and this editor would drift from the server's text.
    for (const u of updates) {
      this.view.dispatch(
        receiveUpdates(this.view.state, [{ clientID: u.clientId, changes: ChangeSet.fromJSON(u.changes) }]),
      );
    }
  }

  showRemote(cursor: RemoteCursor): void {
    this.view.dispatch({ effects: setRemoteCursor.of(cursor) });
  }

  hideRemote(connectionId: string): void {
    this.view.dispatch({ effects: dropRemoteCursor.of(connectionId) });
  }

  /** A position in this editor's text as it is at `version` on the server: our unconfirmed changes taken out. */
  toSynced(pos: number): number {
    const pending = sendableUpdates(this.view.state);
    for (let i = pending.length - 1; i >= 0; i--) {
      pos = pending[i].changes.invertedDesc.mapPos(pos, -1);
    }
    return pos;
  }

  /** A position in the server's text at `version`, moved into this editor's text: our unconfirmed changes put in. */
  fromSynced(pos: number): number {
    for (const update of sendableUpdates(this.view.state)) {
      pos = update.changes.mapPos(Math.min(pos, update.changes.length), -1);
    }
    return pos;
  }

  get selection(): { anchor: number; head: number } {
    const main = this.view.state.selection.main;
    return { anchor: main.anchor, head: main.head };
  }

  get hasFocus(): boolean {
    return this.view.hasFocus;
  }

  focus(): void {
    this.view.focus();
  }

  /** Focus, with the caret after the text: where someone picking up a headline typed on the desk goes on. */
  focusAtEnd(): void {
    this.view.dispatch({ selection: { anchor: this.view.state.doc.length } });
    this.view.focus();
  }

  /**
   * Refuses local edits the server would refuse: one that makes the field longer than its limit, or one
   * too large for a single push. Refused there, it would stop all saving until a reload; refused here,
   * nothing is lost and the person is told at once.
   */
  private withinLimits(tr: Transaction, options: CollabFieldOptions): Transaction | readonly [] {
    if (!tr.docChanged || tr.annotation(Transaction.remote)) {
      return tr;
    }
    if (tr.newDoc.length > options.maxLength && tr.newDoc.length > tr.startState.doc.length) {
      options.onRefused(`The ${this.name} can be at most ${options.maxLength.toLocaleString("en")} characters long.`);
      return [];
    }
    let inserted = 0;
    tr.changes.iterChanges((_fromA, _toA, _fromB, _toB, text) => {
      inserted += text.length;
    });
    if (inserted > maxInsertLength) {
      options.onRefused(`That is too much to add at once (over ${maxInsertLength.toLocaleString("en")} characters): paste it in parts.`);
      return [];
    }
    return tr;
  }

  private updated(update: ViewUpdate, options: CollabFieldOptions): void {
    if (update.docChanged) {
      // receiveUpdates marks what it applies as remote; anything else was typed, pasted or undone here.
      const local = update.transactions.some((tr) => tr.docChanged && !tr.annotation(Transaction.remote));
      options.onDocChange(this, local);
    }
    if (update.selectionSet || update.focusChanged) {
      options.onSelection(this);
    }
  }
}

// One push carries at most 256K characters of change-set JSON (DraftLimits.MaxPushJsonLength); leave
// room for escaping.
const maxInsertLength = 200_000;

/** Per editor instance, never per user: confirmation matches a client's updates by this id, in order. */
function newClientId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
