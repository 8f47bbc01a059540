using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

/// <summary>
/// Payloads a reader might post as a comment or a guest name, read back the way a browser parses the page: the
/// HTML may hold nothing but p, br and a elements, a's only attributes are href and rel, every href is an
/// http(s) address, and the text the page shows is exactly the cleaned text that was typed.
/// </summary>
public sealed class CommentXssTests
{
    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"data:text/html,<script>alert(1)</script>\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=javascript:alert(1)>click</a>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background-image:url(javascript:alert(1))\">x</div>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<input autofocus onfocus=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<template><img src=x onerror=alert(1)></template>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<img src=x onerror=alert(1)>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "</p><script>alert(1)</script><p>",
        "</textarea><script>alert(1)</script>",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "java\u0000script:alert(1)",
        "java\tscript:alert(1)",
        "java&#x09;script:alert(1)",
        "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&#60;script&#62;alert(1)&#60;/script&#62;",
        "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "javascript:example.org",
        "javascript://example.org/%0Aalert(1)",
        "data:example.org",
        "https://example.org/\"onmouseover=\"alert(1)",
        "https://example.org/'onmouseover='alert(1)",
        "https://example.org/<script>alert(1)</script>",
        "https://example.org/\"><img src=x onerror=alert(1)>",
        "https://example.org/?q=\"><svg/onload=alert(1)>",
        "www.example.org/\"style=\"x:expression(alert(1))",
        "https://example.org/&quot;onclick=&quot;alert(1)",
        "https://example.org/`onclick=alert(1)`",
        "http://example.org/ javascript:alert(1)",
        "https://user:pass@evil.example/",
        "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E",
        "\u202E>tpircs/<)1(trela>tpircs<",
        "<scr\u200Bipt>alert(1)</scr\u200Bipt>",
        "<\u0000script>alert(1)</script>",
        "\uFEFF<script>alert(1)</script>",
        "<img src=x\u000Conerror=alert(1)>",
        "{{constructor.constructor('alert(1)')()}}",
        "${alert(1)}",
        "<x onpointerenter=alert(1)>hover</x>",
        "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
        "<a href=\"\u0001javascript:alert(1)\">x</a>",
        "<isindex action=javascript:alert(1) type=image>",
        "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
        "line one\n<script>\nalert(1)\n</script>\n\nhttps://example.org",
    ];

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
