using AngleSharp.Html.Parser;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>
/// A notification names a person and quotes what they wrote. Each payload a reader might use as a name or comment is
/// sent through maildev as both, and the HTML part it received is read the way a mail program parses it: nothing but
/// the elements and attributes the email writes itself, and the name and excerpt shown as exactly the text they were.
/// </summary>
public sealed class EmailXssTests(MailDevFixture mail) : IClassFixture<MailDevFixture>
{
    private static readonly Uri _reply = new("https://newsroom.example.org/articles/night-buses#comment-7");

    public static TheoryData<string> Payloads() => [.. CommentXssPayloads.All];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task NameAndExcerptCarryingMarkup_AreInertInTheHtmlPart(string payload)
    {
        var to = MailDevFixture.UniqueAddress("xss");
        var body = new EmailBody()
            .Paragraph($"{payload} replied to your comment:")
            .Quote(payload)
            .Link("Read the reply", _reply);

        await SmtpEmailSenderTests.Sender(mail.MailDev.SmtpPort)
            .SendAsync(EmailMessage.Of(to, payload, "New reply to your comment", body), TestContext.Current.CancellationToken);

        var received = await mail.MailDev.WaitForMailAsync(m => m.To.Any(a => a.Address == to), TimeSpan.FromSeconds(30));
        AssertInert(received.Html, $"{AsText(payload)} replied to your comment:", AsText(payload));
        Assert.Contains(AsText(payload), received.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheChecker_CatchesMarkup()
    {
        const string Page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><p>{0} replied to your comment:</p>" +
            "<blockquote><p>{0}</p></blockquote><p><a href=\"https://newsroom.example.org/articles/night-buses#comment-7\">Read the reply</a></p></body></html>";

        AssertInert(string.Format(Page, "Ada"), "Ada replied to your comment:", "Ada");
        Assert.ThrowsAny<Exception>(() => AssertInert(string.Format(Page, "<img src=x onerror=alert(1)>"), " replied to your comment:", ""));
        Assert.ThrowsAny<Exception>(() => AssertInert(string.Format(Page, "<b>Ada</b>"), "Ada replied to your comment:", "Ada"));
        Assert.ThrowsAny<Exception>(() => AssertInert(string.Format(Page, "&lt;b&gt;"), "b replied to your comment:", "b"));
        Assert.ThrowsAny<Exception>(() => AssertInert(Page.Replace("<p>{0} replied", "<p title=\"x\">{0} replied", StringComparison.Ordinal).Replace("{0}", "Ada", StringComparison.Ordinal), "Ada replied to your comment:", "Ada"));
    }

    /// <summary>What <see cref="EmailBody"/> keeps of typed text: one kind of line break, no control characters but tabs, trimmed.</summary>
    private static string AsText(string typed) =>
        string.Concat(typed.ReplaceLineEndings("\n").Where(c => c is '\n' or '\t' || !char.IsControl(c))).Trim();

    private static void AssertInert(string html, string paragraph, string excerpt)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.All)
        {
            Assert.Contains(element.LocalName, new[] { "html", "head", "meta", "body", "p", "br", "blockquote", "a" });
            var allowed = element.LocalName switch
            {
                "meta" => ["charset"],
                "a" => ["href"],
                _ => Array.Empty<string>(),
            };
            Assert.All(element.Attributes, a => Assert.Contains(a.Name, allowed));
        }

        var paragraphs = document.Body!.Children;
        Assert.Equal(["p", "blockquote", "p"], paragraphs.Select(e => e.LocalName));
        Assert.Equal(paragraph, paragraphs[0].TextContent);
        Assert.Equal(excerpt, paragraphs[1].TextContent);
        var link = Assert.Single(document.QuerySelectorAll("a"));
        Assert.Equal(_reply.AbsoluteUri, link.GetAttribute("href"));
        Assert.Equal("Read the reply", link.TextContent);
    }
}
