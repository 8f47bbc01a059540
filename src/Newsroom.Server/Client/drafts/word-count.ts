// The body's length as newsroom editors think of it: words, and minutes to read them.

/** Adult readers of news take in about 230 words a minute; the figure the editor's reading time uses. */
export const wordsPerMinute = 230;

// A word: letters or digits, with apostrophes or hyphens inside it ("don't", "long-term" count once).
const word = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;
// Markdown that readers never see: a link's address and an image's source.
const linkTarget = /\]\([^)]*\)/g;

export function countWords(markdown: string): number {
  return markdown.replace(linkTarget, "]").match(word)?.length ?? 0;
}

/** "412 words · 2 min read"; a text with any words in it takes at least a minute. */
export function describeLength(words: number): string {
  const minutes = words === 0 ? 0 : Math.max(1, Math.round(words / wordsPerMinute));
  return `${words.toLocaleString("en-GB")} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
}
