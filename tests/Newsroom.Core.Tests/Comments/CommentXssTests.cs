using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newsroom.Core.Comments;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

/// <summary>
/// Payloads a reader might post as a comment or a guest name, read back the way a browser parses the page: the
/// HTML may hold nothing but p, br and a elements, a's only attributes are href and rel, every href is an
/// http(s) address, and the text the page shows is exactly the cleaned text that was typed.
/// </summary>
public sealed class CommentXssTests
{
    public static TheoryData<string> Payloads() => [.. CommentXssPayloads.All];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void CommentBody_IsShownAsText_NeverAsMarkup(string payload)
    {
        var check = CommentText.CheckBody(payload, 1, 5_000);
        Assert.True(check.Accepted, check.Refusal);

        AssertInert(CommentHtml.Render(check.Text).Html, check.Text);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void GuestName_IsShownAsText_NeverAsMarkup(string payload)
    {
        var check = CommentText.CheckGuestName(payload);
        if (!check.Accepted)
        {
            Assert.DoesNotContain("<", check.Refusal!, StringComparison.Ordinal);
            return;
        }

        Assert.DoesNotContain('\n', check.Text);
        AssertInert(CommentHtml.Render(check.Text).Html, check.Text);
    }

    [Fact]
    public void RandomMixturesOfMarkupAddressesAndInvisibleCharacters_CleanOnceForAll_AndAreInert()
    {
        string[] pieces =
        [
            "<", ">", "\"", "'", "&", "&#", ";", "=", "/", ":", "(", ")", ".", ",", "!", "?", " ", "\n", "\n\n", "\r",
            "https://", "http://", "www.", "javascript:", "data:", "example.org", "a", "script", "onerror", "href", "@",
            "\u202E", "\u200B", "\u200D", "\uFEFF", "\u0000", "\t", "😀", "é", "\uD800", "#", "?q=", "[", "]",
        ];
        for (var seed = 0; seed < 2_000; seed++)
        {
            var random = new Random(seed);
            var typed = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var text = CommentText.Clean(typed);
            try
            {
                Assert.Equal(text, CommentText.Clean(text));
                AssertInert(CommentHtml.Render(text).Html, text);
            }
            catch (Exception e)
            {
                Assert.Fail($"Seed {seed}, typed {System.Text.Json.JsonSerializer.Serialize(typed)}: {e.Message}");
            }
        }
    }

    [Fact]
    public void ThereAreAtLeastFiftyPayloads()
    {
        Assert.True(Payloads().Count >= 50);
    }

    [Fact]
    public void TheChecker_CatchesMarkup()
    {
        Assert.ThrowsAny<Exception>(() => AssertInert("<p>x<img src=x onerror=alert(1)></p>", "x"));
        Assert.ThrowsAny<Exception>(() => AssertInert("<p><a href=\"javascript:alert(1)\" rel=\"nofollow ugc noopener\">x</a></p>", "x"));
        Assert.ThrowsAny<Exception>(() => AssertInert("<p title=\"x\">x</p>", "x"));
        Assert.ThrowsAny<Exception>(() => AssertInert("<p>&lt;b&gt;</p>", "b"));
    }

    private static void AssertInert(string html, string text)
    {
        var page = new HtmlParser().ParseDocument($"<!DOCTYPE html><html><body><div id=\"comment\">{html}</div><p id=\"after\">end</p></body></html>");
        var comment = page.GetElementById("comment")!;

        // The comment stays inside its box: nothing in it closed the box or swallowed what follows.
        Assert.Equal("end", page.GetElementById("after")?.TextContent);
        foreach (var element in comment.QuerySelectorAll("*"))
        {
            Assert.Contains(element.LocalName, new[] { "p", "br", "a" });
            Assert.All(element.Attributes, a => Assert.Contains(a.Name, element.LocalName == "a" ? ["href", "rel"] : Array.Empty<string>()));
            if (element.LocalName == "a")
            {
                AssertHttpLink(element);
            }
        }

        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), comment.TextContent);
    }

    private static void AssertHttpLink(IElement link)
    {
        var href = link.GetAttribute("href")!;
        Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var uri), href);
        Assert.Contains(uri.Scheme, new[] { "http", "https" });
        Assert.StartsWith(uri.Scheme + "://", href, StringComparison.Ordinal);
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.DoesNotContain(href, c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>');
    }
}
