using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Newsroom.Server.Tests.Articles;

/// <summary>Reader pages fetched as a reader's browser first gets them: the server's HTML, no script run.</summary>
internal static class ReaderHtml
{
    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, document);
    }

    public static string Text(IElement? element) => element?.TextContent.Trim() ?? "";
}
