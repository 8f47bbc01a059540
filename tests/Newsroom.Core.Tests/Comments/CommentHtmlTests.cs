using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentHtmlTests
{
    private const string Rel = "rel=\"nofollow ugc noopener\"";

    [Fact]
    public void Render_BlankLinesMakeParagraphs_AndSingleBreaksMakeBr()
    {
        var rendered = CommentHtml.Render("First line\nsecond line\n\nNew paragraph\n\n\nThird");

        Assert.Equal("<p>First line<br>second line</p><p>New paragraph</p><p>Third</p>", rendered.Html);
        Assert.Equal(0, rendered.LinkCount);
    }

    [Fact]
    public void Render_EncodesMarkupAsText()
    {
        Assert.Equal("<p>&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;single&#39;</p>", CommentHtml.Render("<b>bold</b> & \"quoted\" 'single'").Html);
    }

    [Fact]
    public void Render_Empty_IsNoHtml()
    {
        Assert.Equal(new RenderedComment("", 0), CommentHtml.Render("  \n\u200B "));
    }

    [Theory]
    [InlineData("See https://example.org/results.", "See <a href=\"https://example.org/results\" " + Rel + ">https://example.org/results</a>.")]
    [InlineData("(http://example.org/a)", "(<a href=\"http://example.org/a\" " + Rel + ">http://example.org/a</a>)")]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(bar)!", "<a href=\"https://en.wikipedia.org/wiki/Foo_(bar)\" " + Rel + ">https://en.wikipedia.org/wiki/Foo_(bar)</a>!")]
    [InlineData("www.example.org, then", "<a href=\"https://www.example.org\" " + Rel + ">www.example.org</a>, then")]
    [InlineData("HTTPS://Example.org/X?", "<a href=\"https://Example.org/X\" " + Rel + ">HTTPS://Example.org/X</a>?")]
    [InlineData("https://example.org:8443/a?b=1&c=2#top", "<a href=\"https://example.org:8443/a?b=1&amp;c=2#top\" " + Rel + ">https://example.org:8443/a?b=1&amp;c=2#top</a>")]
    [InlineData("\"https://example.org/q\"", "&quot;<a href=\"https://example.org/q\" " + Rel + ">https://example.org/q</a>&quot;")]
    [InlineData("<https://example.org/x>", "&lt;<a href=\"https://example.org/x\" " + Rel + ">https://example.org/x</a>&gt;")]
    [InlineData("https://example.org/it's", "<a href=\"https://example.org/it&#39;s\" " + Rel + ">https://example.org/it&#39;s</a>")]
    [InlineData("https://пример.рф/путь", "<a href=\"https://пример.рф/путь\" " + Rel + ">https://пример.рф/путь</a>")]
    public void Render_LinksWebAddresses_WithoutTheirTrailingPunctuation(string text, string paragraph)
    {
        var rendered = CommentHtml.Render(text);

        Assert.Equal($"<p>{paragraph}</p>", rendered.Html);
        Assert.Equal(1, rendered.LinkCount);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("ftp://example.org/file")]
    [InlineData("mailto:reader@example.org")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//example.org/protocol-relative")]
    [InlineData("https://")]
    [InlineData("http://.")]
    [InlineData("www.")]
    [InlineData("www.example")]
    [InlineData("xhttps://example.org")]
    [InlineData("evil.example/https://example.org")]
    [InlineData("https://bank.example@evil.example/login")]
    [InlineData("https://bank.example\\@evil.example")]
    [InlineData("https://example.org:/x")]
    [InlineData("https://example.org:80a")]
    [InlineData("https://[::1]/")]
    [InlineData("https://-bad-.example")]
    public void Render_OtherSchemesAndMalformedAddresses_StayText(string text)
    {
        var rendered = CommentHtml.Render(text);

        Assert.DoesNotContain("<a", rendered.Html, StringComparison.Ordinal);
        Assert.Equal(0, rendered.LinkCount);
    }

    [Fact]
    public void Render_CountsEveryLink_ForTheTooManyLinksRule()
    {
        var text = "a https://one.example b www.two.example\nc http://three.example/x, javascript:four() https://five.example.";

        Assert.Equal(4, CommentHtml.Render(text).LinkCount);
        Assert.Equal(4, CommentLinks.Count(text));
        Assert.Equal(
            ["https://one.example", "https://www.two.example", "http://three.example/x", "https://five.example"],
            CommentLinks.Find(text).Select(l => l.Href));
    }

    [Fact]
    public void Render_LinkAtAParagraphsEnd_StaysInItsParagraph()
    {
        Assert.Equal(
            $"<p>one <a href=\"https://a.example\" {Rel}>https://a.example</a></p><p><a href=\"https://b.example\" {Rel}>https://b.example</a> two</p>",
            CommentHtml.Render("one https://a.example\n\nhttps://b.example two").Html);
    }
}
