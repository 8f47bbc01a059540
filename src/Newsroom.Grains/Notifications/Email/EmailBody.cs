using System.Net;
using System.Text;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// Both parts of a notification email, built from plain text: every piece (fixed wording, a person's name, a comment
/// excerpt, a headline) is HTML-encoded into the HTML part, so what people wrote arrives as text and never as markup.
/// The only elements are the ones this class writes: paragraphs, line breaks, quotes and links to http(s) addresses.
/// </summary>
public sealed class EmailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public string Text => _text.ToString().TrimEnd() + "\n";

    public string Html =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + _html + "</body></html>\n";

    /// <summary>A paragraph of text; its line breaks are kept.</summary>
    public EmailBody Paragraph(string text)
    {
        var clean = Clean(text);
        _text.Append(clean).Append("\n\n");
        _html.Append("<p>").Append(Encode(clean)).Append("</p>\n");
        return this;
    }

    /// <summary>Someone's words (a comment excerpt), set apart from the newsroom's own.</summary>
    public EmailBody Quote(string text)
    {
        var clean = Clean(text);
        _text.Append(string.Join('\n', clean.Split('\n').Select(line => "> " + line))).Append("\n\n");
        _html.Append("<blockquote><p>").Append(Encode(clean)).Append("</p></blockquote>\n");
        return this;
    }

    /// <summary>A link: in the plain part the label and the address, in the HTML part the label linked.</summary>
    public EmailBody Link(string label, Uri address)
    {
        if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"Links in an email go to absolute http(s) addresses; '{address}' is not one.", nameof(address));
        }

        var clean = Clean(label).Replace('\n', ' ');
        _text.Append(clean).Append(": ").Append(address.AbsoluteUri).Append("\n\n");
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(address.AbsoluteUri)).Append("\">")
            .Append(Encode(clean)).Append("</a></p>\n");
        return this;
    }

    /// <summary>One kind of line break; control characters other than line breaks and tabs dropped.</summary>
    private static string Clean(string text) =>
        string.Concat(text.ReplaceLineEndings("\n").Where(c => c is '\n' or '\t' || !char.IsControl(c))).Trim();

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>\n", StringComparison.Ordinal);
}
