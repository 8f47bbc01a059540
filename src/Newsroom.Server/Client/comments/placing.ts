import { CommentItem } from "./comment-view";

// Where a top-level comment goes in the list: featured comments first in every sort (among themselves in the sort's
// order, as the server pages them), then the rest in the sort's order.

export type Sort = "newest" | "oldest" | "most-voted";

const score = (li: HTMLElement): number =>
  Number(li.querySelector(":scope > .comment-body .comment-up")?.textContent ?? 0) -
  Number(li.querySelector(":scope > .comment-body .comment-down")?.textContent ?? 0);

/** Negative when a comes before b in the sort (Core's order: most voted is highest score first, then newest). */
function compare(sort: Sort, a: HTMLElement, b: HTMLElement): number {
  const [ida, idb] = [Number(a.dataset.id), Number(b.dataset.id)];
  switch (sort) {
    case "oldest":
      return ida - idb;
    case "most-voted":
      return score(b) - score(a) || idb - ida;
    default:
      return idb - ida;
  }
}

/** The featured comments at the top of the list. */
const featuredBlock = (list: HTMLElement): HTMLElement[] => {
  const block: HTMLElement[] = [];
  for (const li of list.children as HTMLCollectionOf<HTMLElement>) {
    if (li.dataset.featured !== "true") {
      break;
    }
    block.push(li);
  }
  return block;
};

/** Puts a featured comment among the featured ones at the top, in the sort's order. */
export function placeFeatured(list: HTMLElement, li: HTMLElement, sort: Sort): void {
  const before = featuredBlock(list).find((other) => other !== li && compare(sort, li, other) < 0);
  if (before) {
    before.before(li);
  } else {
    afterFeatured(list, li, featuredBlock(list).filter((other) => other !== li));
  }
}

function afterFeatured(list: HTMLElement, li: HTMLElement, block: HTMLElement[]): void {
  if (block.length > 0) {
    block[block.length - 1].after(li);
  } else {
    list.prepend(li);
  }
}

/**
 * Puts a new top-level comment where a reload would show it: featured at the top; newest first under the featured
 * ones; otherwise at the end, once the whole list is on screen (else "Load more" brings it in its turn). False when
 * it was not put on screen.
 */
export function placeTopLevel(list: HTMLElement, li: HTMLElement, item: CommentItem, sort: Sort, allLoaded: boolean): boolean {
  if (item.featured) {
    placeFeatured(list, li, sort);
  } else if (sort === "newest") {
    afterFeatured(list, li, featuredBlock(list));
  } else if (allLoaded) {
    list.append(li);
  } else {
    return false;
  }
  return true;
}
