import { focusOn } from "./focus";

// Reporting a comment: a short form under it with the reasons moderators sort reports by (as Coral and Disqus ask),
// and room to say more. The queue shows the reason as written: "Off-topic", or "Something else: the details".

export interface ReportFormParts {
  template: HTMLTemplateElement;
  announce: HTMLElement;
  send: (commentId: number, reason: string) => Promise<unknown>;
  say: (error: unknown) => string;
}

export function reportForm({ template, announce, send, say }: ReportFormParts) {
  let shown: { form: HTMLFormElement; opener: HTMLButtonElement } | null = null;

  function close(returnFocus: boolean): void {
    if (!shown) {
      return;
    }
    const { form, opener } = shown;
    shown = null;
    form.remove();
    opener.setAttribute("aria-expanded", "false");
    if (returnFocus && opener.isConnected) {
      opener.focus();
    }
  }

  /** Opens the form under a comment's buttons (one at a time); a second press of the same Report closes it. */
  function open(li: HTMLElement, commentId: number, opener: HTMLButtonElement): void {
    const again = shown?.opener === opener;
    close(false);
    if (again) {
      opener.focus();
      return;
    }
    const form = (template.content.firstElementChild as HTMLFormElement).cloneNode(true) as HTMLFormElement;
    const error = form.querySelector<HTMLElement>(".comment-report-error")!;
    const details = form.querySelector<HTMLTextAreaElement>("textarea")!;
    const sendButton = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    opener.closest(".comment-actions")!.after(form);
    opener.setAttribute("aria-expanded", "true");
    shown = { form, opener };
    form.querySelector<HTMLInputElement>("input[type=radio]")!.focus();

    const fail = (message: string, focus?: HTMLElement): void => {
      error.textContent = message;
      error.hidden = false;
      focus?.focus();
    };
    form.addEventListener("keydown", (e) => {
      if (e.key === "Escape") {
        e.preventDefault();
        close(true);
      }
    });
    form.querySelector<HTMLButtonElement>(".comment-report-cancel")!.addEventListener("click", () => close(true));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const choice = form.querySelector<HTMLInputElement>("input[type=radio]:checked");
      const more = details.value.trim();
      if (!choice) {
        return fail("Choose why a moderator should look at this comment.", form.querySelector<HTMLInputElement>("input[type=radio]")!);
      }
      if (choice.value === form.dataset.somethingElse && !more) {
        return fail("Say what is wrong with this comment.", details);
      }
      sendButton.disabled = true;
      send(commentId, more ? `${choice.value}: ${more}` : choice.value)
        .then(() => {
          close(false);
          opener.textContent = "Reported";
          opener.disabled = true;
          opener.removeAttribute("aria-expanded");
          announce.textContent = "Thank you: a moderator will look at it.";
          focusOn(li);
        })
        .catch((failure: unknown) => {
          sendButton.disabled = false;
          fail(say(failure));
        });
    });
  }

  return { open, close };
}
