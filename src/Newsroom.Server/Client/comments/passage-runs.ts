// The story's text runs (Core's StoryTextRuns): every piece of shown text is a <span data-s> saying where it starts in
// the body's Markdown; data-src holds the typed source of a piece shown differently (a curly quote for ", &amp; for &),
// which is taken whole; data-g the source between a run and the one before (emphasis marks, a link's address, the
// blank line between paragraphs). With them a selection becomes exact offsets in the published body and the body's
// own text as its quote, which the thread checks; and a passage's offsets become the text to mark on the page.

/** A passage of one published version's body: what an inline comment is about. */
export interface Passage {
  version: number;
  from: number;
  to: number;
  /** The body's text from..to (Markdown marks included), as the thread requires. */
  quote: string;
  /** The same passage as the page shows it, for the reader to check what they chose. */
  shown: string;
}

export type Choice = { passage: Passage; refusal?: undefined } | { passage?: undefined; refusal: string };

/** The longest passage the thread takes (Core's InlineAnchor.MaxPassageLength). */
export const maxPassageLength = 1000;

export const runsOf = (root: ParentNode): HTMLElement[] => [...root.querySelectorAll<HTMLElement>("[data-s]")];

const startOf = (run: HTMLElement): number => Number(run.dataset.s);
const typedOf = (run: HTMLElement): string => run.dataset.src ?? run.textContent ?? "";
const endOf = (run: HTMLElement): number => startOf(run) + typedOf(run).length;

/** How many characters of the run's shown text lie before a point of the page (inside it or around it). */
function offsetIn(run: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(run);
  const where = range.comparePoint(node, offset);
  if (where !== 0) {
    return where < 0 ? 0 : (run.textContent?.length ?? 0);
  }
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The passage a range of the page covers, or why it cannot be one. Runs the range touches are all it counts. */
export function passageOf(body: HTMLElement, range: Range): Choice {
  const version = Number(body.dataset.published ?? "0");
  // The runs the range really covers some of: a selection that ends right at the start of a run does not take it.
  const covered = runsOf(body)
    .map((run) => ({ run, a: offsetIn(run, range.startContainer, range.startOffset), b: offsetIn(run, range.endContainer, range.endOffset) }))
    .filter(({ a, b }) => b > a);
  if (version < 1 || covered.length === 0) {
    return { refusal: "Select some words of the story's text to comment on them." };
  }
  let quote = "";
  let shown = "";
  covered.forEach(({ run, a, b }, i) => {
    if (i > 0) {
      const gap = run.dataset.g ?? "";
      quote += gap;
      shown += gap.includes("\n") ? " " : "";
    }
    const text = run.textContent ?? "";
    // A piece shown differently from its source is taken whole, however little of it was selected.
    quote += run.dataset.src ?? text.slice(a, b);
    shown += run.dataset.src === undefined ? text.slice(a, b) : text;
  });
  const first = covered[0];
  const last = covered[covered.length - 1];
  let from = startOf(first.run) + (first.run.dataset.src === undefined ? first.a : 0);
  let to = last.run.dataset.src === undefined ? startOf(last.run) + last.b : endOf(last.run);
  if (to - from !== quote.length) {
    return { refusal: "This passage could not be matched to the story's text. Select it again, or choose a paragraph in the comment form." };
  }
  // Blank space at either edge is not part of what the reader means (a double click takes the space after a word).
  const lead = quote.length - quote.trimStart().length;
  const trail = quote.length - quote.trimEnd().length;
  from += lead;
  to -= trail;
  quote = quote.trim();
  if (quote.length === 0) {
    return { refusal: "Select some words of the story's text to comment on them." };
  }
  if (quote.length > maxPassageLength) {
    return { refusal: `A passage may be at most ${maxPassageLength.toLocaleString("en")} characters long; select a sentence or a paragraph.` };
  }
  return { passage: { version, from, to, quote, shown: shown.trim().replace(/\s+/g, " ") } };
}

/** The whole of one block (a paragraph, a heading, a list item) as a passage. */
export function passageOfBlock(body: HTMLElement, block: HTMLElement): Choice {
  const range = document.createRange();
  range.selectNodeContents(block);
  return passageOf(body, range);
}

/**
 * Wraps the text of from..to (offsets in the shown version's body) in elements made by <paramref name="wrap"/>, one per
 * piece of text (a passage across emphasis or paragraphs is several); returns them in page order.
 */
export function markPassage(body: HTMLElement, from: number, to: number, wrap: () => HTMLElement): HTMLElement[] {
  const pieces: { node: Text; a: number; b: number }[] = [];
  for (const run of runsOf(body)) {
    const start = startOf(run);
    if (endOf(run) <= from || start >= to) {
      continue;
    }
    const whole = run.dataset.src !== undefined;
    const a = whole ? 0 : Math.max(from, start) - start;
    const b = whole ? Number.MAX_SAFE_INTEGER : Math.min(to, endOf(run)) - start;
    const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const [x, y] = [Math.max(a - seen, 0), Math.min(b - seen, node.length)];
      if (y > x) {
        pieces.push({ node, a: x, b: y });
      }
      seen += node.length;
    }
  }
  return pieces.map(({ node, a, b }) => {
    if (b < node.length) {
      node.splitText(b);
    }
    const piece = a > 0 ? node.splitText(a) : node;
    const mark = wrap();
    piece.replaceWith(mark);
    mark.append(piece);
    return mark;
  });
}
