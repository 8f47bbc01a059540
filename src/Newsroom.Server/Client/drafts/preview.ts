import MarkdownIt from "markdown-it";

// html: false, so text typed as HTML is shown as text and never becomes markup in the editor's own page.
// markdown-it's link validation also refuses javascript:, vbscript: and file: URLs.
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

// The preview sits under the page's "Preview" heading (h2). Body headings go below it and never skip a
// level, whatever the Markdown says (a "###" right at the top becomes an h3), so the page's outline stays
// in order for those who navigate it by headings.
const previewHeadingLevel = 2;
md.core.ruler.push("preview_outline", (state) => {
  let last = previewHeadingLevel;
  for (let i = 0; i < state.tokens.length; i++) {
    const token = state.tokens[i];
    if (token.type !== "heading_open") {
      continue;
    }
    const wanted = Number(token.tag.slice(1)) + previewHeadingLevel;
    const level = Math.min(6, wanted, last + 1);
    last = level;
    token.tag = `h${level}`;
    // The matching close is the next heading_close after the inline content.
    for (let j = i + 1; j < state.tokens.length; j++) {
      if (state.tokens[j].type === "heading_close") {
        state.tokens[j].tag = token.tag;
        break;
      }
    }
  }
});

// A link followed from the preview opens elsewhere, so the editor (and anything not yet sent) stays.
// The preview is something to look at: its links stay out of the Tab order, which goes from the body
// straight on to the details, as it does when the body has no links.
md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  tokens[idx].attrSet("target", "_blank");
  tokens[idx].attrSet("rel", "noopener noreferrer");
  tokens[idx].attrSet("tabindex", "-1");
  return self.renderToken(tokens, idx, options);
};

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** A live preview of the story: headline, standfirst and the Markdown body, redrawn at most every 80 ms. */
export class StoryPreview {
  private scheduled = false;
  private latest = { headline: "", standfirst: "", body: "" };

  constructor(private readonly container: HTMLElement) {}

  update(parts: { headline: string; standfirst: string; body: string }): void {
    this.latest = parts;
    if (!this.scheduled) {
      this.scheduled = true;
      // A timer, not requestAnimationFrame: a preview in a background tab should still be current.
      setTimeout(() => {
        this.scheduled = false;
        this.render();
      }, 80);
    }
  }

  private render(): void {
    const { headline, standfirst, body } = this.latest;
    const title = document.createElement("p");
    title.className = "preview-headline";
    title.textContent = headline.trim() || "Untitled draft";
    const lead = document.createElement("p");
    lead.className = "preview-standfirst";
    lead.textContent = standfirst.trim();
    lead.hidden = lead.textContent === "";
    const story = document.createElement("div");
    story.className = "preview-body";
    story.innerHTML = renderMarkdown(body);
    this.container.replaceChildren(title, lead, story);
  }
}
