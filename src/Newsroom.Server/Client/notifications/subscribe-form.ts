import { rememberedEmail } from "../comments/guest-memory";
import { hubErrorMessage } from "../drafts/protocol";
import { LiveConnection } from "../live/live-connection";

interface Subscribed {
  following: boolean;
  message: string;
}

/**
 * The comment widget's "Subscribe · Notify of" form: the reader picks what to be told of and gives their email (a
 * guest; staff are known by their sign-in), and the reader hub's Subscribe sends the confirmation email, whose link
 * must be followed before anything is sent. The server's answer or refusal is said next to the button.
 */
export function wireSubscribeForm(live: LiveConnection, slug: string): void {
  const form = document.getElementById("subscribe-form") as HTMLFormElement | null;
  if (!form) {
    return;
  }
  const emailBox = document.getElementById("subscribe-email") as HTMLInputElement;
  const followUps = document.getElementById("subscribe-follow-ups") as HTMLInputElement;
  const replies = document.getElementById("subscribe-replies") as HTMLInputElement;
  const updates = document.getElementById("subscribe-updates") as HTMLInputElement;
  // Offered only when the story has them: a section, an author and tags that can be followed.
  const section = document.getElementById("subscribe-section") as HTMLInputElement | null;
  const author = document.getElementById("subscribe-author") as HTMLInputElement | null;
  // One comment whose replies to hear of: chosen with "Notify me of replies" on it.
  const commentChoice = document.getElementById("subscribe-comment-choice") as HTMLElement;
  const commentBox = document.getElementById("subscribe-comment") as HTMLInputElement;
  let chosenComment: number | null = null;
  const submit = document.getElementById("subscribe-submit") as HTMLButtonElement;
  const status = document.getElementById("subscribe-status") as HTMLElement;
  const error = document.getElementById("subscribe-error") as HTMLElement;

  if (emailBox) {
    if (emailBox.value === "") {
      emailBox.value = rememberedEmail();
    }
    // Until the reader types here, the address follows the one they comment with.
    let typed = false;
    emailBox.addEventListener("input", () => {
      typed = true;
    });
    document.getElementById("comment-email")?.addEventListener("input", (e) => {
      if (!typed) {
        emailBox.value = (e.target as HTMLInputElement).value.trim();
      }
    });
  }
  form.hidden = false;

  // The comment's button brings the reader here with that comment chosen, so a guest can give the email to confirm and
  // everyone sees, and may change, what else is chosen before subscribing. Focus lands on the choice itself, so a
  // screen reader says what was chosen.
  document.getElementById("comments")?.addEventListener("click", (e) => {
    const comment = (e.target as Element).closest(".comment-notify")?.closest<HTMLElement>(".comment");
    if (!comment) {
      return;
    }
    chosenComment = Number(comment.dataset.id);
    (document.getElementById("subscribe-comment-author") as HTMLElement).textContent =
      comment.querySelector(".comment-author")?.textContent ?? "";
    commentChoice.hidden = false;
    commentBox.checked = true;
    commentBox.focus();
    commentBox.scrollIntoView({ block: "center" });
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    status.textContent = "";
    submit.disabled = true;
    try {
      const answer = await live.invoke<Subscribed>("Subscribe", slug, {
        email: emailBox?.value ?? null,
        followUps: followUps.checked,
        replies: replies.checked,
        updates: updates.checked,
        section: section?.checked ?? false,
        author: author?.checked ?? false,
        // The story's tag names as shown: the server matches them to the story's own and refuses any other.
        tags: [...form.querySelectorAll<HTMLInputElement>("input[name=subscribe-tag]:checked")].map((box) => box.value),
        comment: commentBox.checked ? chosenComment : null,
      });
      status.textContent = answer.message;
    } catch (failure) {
      error.textContent = hubErrorMessage(failure) ?? "The newsroom could not be reached; try again.";
      error.hidden = false;
      (error.textContent.toLowerCase().includes("email") ? emailBox : submit)?.focus();
    } finally {
      submit.disabled = false;
    }
  });
}
