import { Vote, showMyVote } from "./comment-view";

// A reader's own marks: their votes shown pressed, and Edit and Delete on their own comments (for the edit window).
// The article page is kept in the server's cache for every reader, so its HTML cannot say whose comments are whose;
// once connected the page asks the reader hub about the comments it shows (GetMyMarks).

export interface CommentMarks {
  comments: { id: number; isMine: boolean; myVote: Vote }[];
}

export async function showOwnMarks(
  root: HTMLElement,
  ask: (ids: number[]) => Promise<CommentMarks>,
  wire: (body: ParentNode, mine: boolean) => void,
): Promise<void> {
  const ids = [...root.querySelectorAll<HTMLElement>(".comment")].map((li) => Number(li.dataset.id)).filter((id) => id > 0);
  if (ids.length === 0) {
    return;
  }
  const marks = await ask(ids);
  for (const mark of marks.comments) {
    const li = document.getElementById(`comment-${mark.id}`);
    if (!li) {
      continue;
    }
    showMyVote(li, mark.myVote);
    li.dataset.mine = String(mark.isMine);
    const body = li.querySelector<HTMLElement>(":scope > .comment-body");
    if (body) {
      wire(body, mark.isMine);
    }
  }
}
