// The editor's "Status" panel and history: where the draft stands, the steps this person may take from there,
// the note dialog for steps that need one, and assignment. Kept live by draft.workflow events.
import { formatWhen } from "./when";
import { DraftStatus, DraftWorkflow, WorkflowStep, hubErrorMessage, statusWords } from "./protocol";

/** How a step is offered, and what note it asks for (the Core's EditorialWorkflow says which steps need one). */
const stepSetup: Record<WorkflowStep, { label: string; note?: string; done: string }> = {
  submit: { label: "Submit for review", done: "submitted it for review" },
  "send-back": { label: "Send back", note: "A reason for the reporter", done: "sent it back" },
  approve: { label: "Approve", done: "approved it" },
  publish: { label: "Publish", done: "published it" },
  update: { label: "Publish an update", note: "The note readers will see", done: "published an update" },
  withdraw: { label: "Withdraw", note: "The note readers will see", done: "withdrew it" },
  archive: { label: "Archive", done: "archived it" },
  restore: { label: "Restore", done: "restored it" },
};

export interface WorkflowPanelOptions {
  draftId: string;
  /** From the page: for each status, the steps this person may take (worked out on the server by the Core's rules). */
  stepsByStatus: Partial<Record<DraftStatus, WorkflowStep[]>>;
  call<T>(method: string, ...args: unknown[]): Promise<T>;
  /** The page's alert region: the server's refusal, in its own words. */
  showError(message: string): void;
  clearError(): void;
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

export class WorkflowPanel {
  private shown: DraftWorkflow | null = null;
  private busy = false;
  private readonly status = byId<HTMLElement>("workflow-status");
  private readonly publishedLink = byId<HTMLAnchorElement>("workflow-published-link");
  private readonly steps = byId<HTMLElement>("workflow-steps");
  private readonly history = byId<HTMLOListElement>("workflow-history");
  private readonly historyEmpty = byId<HTMLElement>("workflow-history-empty");
  private readonly assignee = document.getElementById("workflow-assignee") as HTMLSelectElement | null;
  private readonly assigneeName = document.getElementById("workflow-assignee-name");
  private readonly dialog = byId<HTMLDialogElement>("step-dialog");
  private readonly dialogTitle = byId<HTMLElement>("step-dialog-title");
  private readonly noteLabel = byId<HTMLElement>("step-note-label");
  private readonly note = byId<HTMLTextAreaElement>("step-note");
  private readonly kind = byId<HTMLFieldSetElement>("step-kind");
  private readonly confirm = byId<HTMLButtonElement>("step-confirm");
  private pendingStep: WorkflowStep | null = null;

  constructor(private readonly options: WorkflowPanelOptions) {
    this.assignee?.addEventListener("change", () => void this.assign(this.assignee?.value ?? ""));
    byId<HTMLButtonElement>("step-cancel").addEventListener("click", () => this.dialog.close("cancel"));
    byId<HTMLFormElement>("step-form").addEventListener("submit", (e) => {
      // method="dialog" closes it; the step is taken here, with what was typed.
      e.preventDefault();
      const step = this.pendingStep;
      const note = this.note.value;
      const kind = this.kind.querySelector<HTMLInputElement>("input[name=kind]:checked")?.value ?? "update";
      this.dialog.close("confirm");
      if (step) {
        void this.take(step, note, step === "update" ? kind : null);
      }
    });
    this.dialog.addEventListener("close", () => {
      this.pendingStep = null;
    });
  }

  /**
   * A whole workflow from the view, an event or a step's answer. Each carries everything, so only order matters:
   * history only grows, so one with fewer steps than what is shown is older and is skipped.
   */
  show(workflow: DraftWorkflow): void {
    if (this.shown && workflow.history.length < this.shown.history.length) {
      return;
    }
    this.shown = workflow;
    this.status.textContent = statusWords[workflow.status] ?? workflow.status;
    this.status.dataset.status = workflow.status;

    const slug = workflow.status === "published" ? workflow.publishedSlug : null;
    this.publishedLink.hidden = !slug;
    if (slug) {
      this.publishedLink.href = `/articles/${encodeURIComponent(slug)}`;
      this.publishedLink.textContent = `Read the published story (/articles/${slug})`;
    }

    const assigned = workflow.assignedTo;
    if (this.assignee) {
      if (assigned && !this.assignee.querySelector(`option[value="${CSS.escape(assigned.userName)}"]`)) {
        // Someone no longer in the staff list: still say who it is.
        this.assignee.append(new Option(assigned.displayName, assigned.userName));
      }
      this.assignee.value = assigned?.userName ?? "";
      this.assignee.disabled = false;
    }
    if (this.assigneeName) {
      this.assigneeName.textContent = assigned?.displayName ?? "nobody";
    }

    this.renderSteps(workflow.status);
    this.renderHistory(workflow);
  }

  private renderSteps(status: DraftStatus): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset.step;
    const allowed = this.options.stepsByStatus[status] ?? [];
    this.steps.replaceChildren(
      ...allowed.map((step) => {
        const button = document.createElement("button");
        button.type = "button";
        button.dataset.step = step;
        button.textContent = stepSetup[step].label;
        button.setAttribute("aria-disabled", String(this.busy));
        if (step === "archive" || step === "withdraw" || step === "send-back") {
          button.className = "secondary";
        }
        button.addEventListener("click", () => this.begin(step));
        return button;
      }),
    );
    this.steps.hidden = allowed.length === 0;
    // A re-render must not drop a keyboard user's focus to the top of the page.
    if (focused) {
      this.steps.querySelector<HTMLButtonElement>(`[data-step="${CSS.escape(focused)}"]`)?.focus();
    }
  }

  private renderHistory(workflow: DraftWorkflow): void {
    const newestFirst = [...workflow.history].reverse();
    this.history.replaceChildren(
      ...newestFirst.map((t) => {
        const item = document.createElement("li");
        const line = document.createElement("p");
        const who = document.createElement("strong");
        who.textContent = t.by;
        const time = document.createElement("time");
        time.dateTime = t.at;
        time.textContent = formatWhen(t.at);
        line.append(who, ` ${stepSetup[t.step]?.done ?? t.step}: ${statusWords[t.from] ?? t.from} → ${statusWords[t.to] ?? t.to}, `, time);
        item.append(line);
        if (t.note) {
          const note = document.createElement("p");
          note.className = "history-note";
          note.textContent = t.note;
          item.append(note);
        }
        return item;
      }),
    );
    this.historyEmpty.hidden = workflow.history.length > 0;
  }

  private begin(step: WorkflowStep): void {
    if (this.busy) {
      return;
    }
    const setup = stepSetup[step];
    if (!setup.note) {
      void this.take(step, null, null);
      return;
    }
    this.pendingStep = step;
    this.dialogTitle.textContent = setup.label;
    this.noteLabel.textContent = setup.note;
    this.confirm.textContent = setup.label;
    this.note.value = "";
    this.kind.hidden = step !== "update";
    this.kind.disabled = step !== "update";
    this.dialog.showModal();
    this.note.focus();
  }

  private async take(step: WorkflowStep, note: string | null, kind: string | null): Promise<void> {
    await this.whileBusy(async () => {
      const workflow = await this.options.call<DraftWorkflow>("TakeStep", this.options.draftId, step, note, kind);
      this.show(workflow);
      // The button pressed is usually gone with the status it belonged to: keep the focus on the panel.
      if (document.activeElement === null || document.activeElement === document.body) {
        this.status.focus();
      }
    }, `${stepSetup[step].label}: not done`);
  }

  private async assign(userName: string): Promise<void> {
    await this.whileBusy(async () => {
      const workflow = await this.options.call<DraftWorkflow>("Assign", this.options.draftId, userName);
      this.show(workflow);
    }, "The assignment was not changed");
  }

  private async whileBusy(action: () => Promise<void>, what: string): Promise<void> {
    this.setBusy(true);
    try {
      await action();
      this.options.clearError();
    } catch (error) {
      const message = hubErrorMessage(error);
      this.options.showError(`${what}. ${message ?? "The connection to the newsroom dropped; try again once it is back."}`);
      if (this.shown && this.assignee) {
        this.assignee.value = this.shown.assignedTo?.userName ?? "";
      }
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    // aria-disabled rather than disabled: a disabled button drops the keyboard focus.
    for (const button of this.steps.querySelectorAll("button")) {
      button.setAttribute("aria-disabled", String(busy));
    }
  }
}
