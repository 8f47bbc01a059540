using System.Text;

namespace Newsroom.Core.Comments;

/// <summary>
/// Renders cleaned comment text (see <see cref="CommentText.Clean"/>) as HTML built from nothing but
/// <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c> and <c>&lt;a href rel&gt;</c>: every character the writer typed is encoded,
/// so markup in a comment is shown as the text it is and never parsed. No sanitizer is involved because nothing
/// is ever let through to sanitize.
/// </summary>
/// <remarks>
/// A blank line starts a new paragraph and a single line break is a <c>&lt;br&gt;</c>, as a reader who pressed
/// Enter twice meant; extra blank lines do not make extra space. Links carry <c>rel="nofollow ugc noopener"</c>:
/// search engines give readers' links no weight (so spam gains nothing) and the linked page gets no handle on ours.
/// </remarks>
public static class CommentHtml
{
    public const string LinkRel = "nofollow ugc noopener";

    /// <summary>The comment as HTML; the text is cleaned first (a no-op on stored text), so no caller can skip that.</summary>
    public static RenderedComment Render(string? text)
    {
        text = CommentText.Clean(text);
        var html = new StringBuilder(text.Length + 32);
        var links = CommentLinks.Find(text);
        var next = 0;
        var at = 0;
        foreach (var paragraph in text.Split("\n\n"))
        {
            if (paragraph.Trim('\n').Length == 0)
            {
                at += paragraph.Length + 2;
                continue;
            }

            html.Append("<p>");
            var start = at + CountLeading(paragraph, '\n');
            var end = at + paragraph.TrimEnd('\n').Length;
            next = AppendInline(html, text, start, end, links, next);
            html.Append("</p>");
            at += paragraph.Length + 2;
        }

        return new RenderedComment(html.ToString(), links.Count);
    }

    /// <summary>Encodes text for HTML content and for a double-quoted attribute alike; a line break becomes a &lt;br&gt;.</summary>
    private static void Encode(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                '\n' => html.Append("<br>"),
                _ => html.Append(c),
            };
        }
    }

    private static int AppendInline(StringBuilder html, string text, int start, int end, IReadOnlyList<CommentLink> links, int next)
    {
        var pos = start;
        for (; next < links.Count && links[next].Start < end; next++)
        {
            var link = links[next];
            Encode(html, text.AsSpan(pos, link.Start - pos));
            html.Append("<a href=\"");
            Encode(html, link.Href);
            html.Append("\" rel=\"").Append(LinkRel).Append("\">");
            Encode(html, text.AsSpan(link.Start, link.Length));
            html.Append("</a>");
            pos = link.Start + link.Length;
        }

        Encode(html, text.AsSpan(pos, end - pos));
        return next;
    }

    private static int CountLeading(string text, char c)
    {
        var count = 0;
        while (count < text.Length && text[count] == c)
        {
            count++;
        }

        return count;
    }
}
