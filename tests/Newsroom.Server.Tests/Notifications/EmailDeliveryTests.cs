using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Email end to end through real SMTP (maildev): a notification to a staff inbox is one email with both parts,
/// absolute links and the one-click unsubscribe headers; its unsubscribe link shows a page on GET (changing nothing),
/// works once on POST, and a changed or expired link changes nothing. Each test tells a staff member no other test does.
/// </summary>
public sealed partial class EmailDeliveryTests(MailingNewsroom newsroom) : IClassFixture<MailingNewsroom>
{
    [Fact]
    public async Task ADraftAssigned_IsOneEmailThroughSmtp_WithAbsoluteLinksAndOneClickUnsubscribe()
    {
        var headline = await newsroom.AssignNewDraft("ada");

        var mail = await newsroom.MailAbout("ada", headline);

        Assert.Equal($"Assigned to you: {headline}", mail.Subject);
        Assert.Equal("Ada Admin", Assert.Single(mail.To).Name);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Header("List-Unsubscribe-Post"));
        Assert.StartsWith($"<{MailingNewsroom.Site}notifications/unsubscribe?token=", mail.Header("List-Unsubscribe")?.Trim(), StringComparison.Ordinal);
        Assert.Matches($"{MailingNewsroom.Site}drafts/[0-9a-f]{{12}}", mail.Text);
        Assert.Contains($"href=\"{MailingNewsroom.Site}notifications/settings\"", mail.Html, StringComparison.Ordinal);
        Assert.Single(await newsroom.MailDev.MailsAsync(), m => m.Subject.Contains(headline, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsubscribeLink_GetOnlyShowsAButton_PostSetsTheKindToNever_AndASecondUseIsGone()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var mail = await newsroom.MailAbout("mona", await newsroom.AssignNewDraft("mona"));
        var link = MailingNewsroom.UnsubscribePath(mail);
        using var anonymous = newsroom.Server.CreateClient();

        using var shown = await anonymous.GetAsync(link);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("A draft is assigned to me", page, StringComparison.Ordinal);
        Assert.Contains("id=\"unsubscribe-confirm\"", page, StringComparison.Ordinal);
        Assert.Equal("immediately", await Delivery(mona, "draft-assigned"));

        using var done = await anonymous.PostAsync(link, OneClick());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("id=\"unsubscribe-done\"", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("never", await Delivery(mona, "draft-assigned"));
        Assert.Equal("immediately", await Delivery(mona, "mentioned"));

        await SetDelivery(mona, "draft-assigned", "daily");
        using var again = await anonymous.PostAsync(link, OneClick());
        using var shownAgain = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, shownAgain.StatusCode);
        Assert.Equal("daily", await Delivery(mona, "draft-assigned"));
    }

    [Fact]
    public async Task ChangedOrMissingUnsubscribeToken_IsA400PageThatChangesNothing()
    {
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");
        var mail = await newsroom.MailAbout("rosa", await newsroom.AssignNewDraft("rosa"));
        var link = MailingNewsroom.UnsubscribePath(mail);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var changed = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        using var anonymous = newsroom.Server.CreateClient();

        foreach (var bad in new[] { $"/notifications/unsubscribe?token={changed}", "/notifications/unsubscribe?token=abc", "/notifications/unsubscribe" })
        {
            using var shown = await anonymous.GetAsync(bad);
            using var posted = await anonymous.PostAsync(bad, OneClick());
            Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            Assert.Contains("not valid", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("immediately", await Delivery(rosa, "draft-assigned"));
    }

    [Fact]
    public async Task ExpiredUnsubscribeLink_IsA400PageThatChangesNothing()
    {
        using var eddie = await newsroom.Server.SignInAsync("eddie", "eddie-demo");
        var mail = await newsroom.MailAbout("eddie", await newsroom.AssignNewDraft("eddie"));
        var link = MailingNewsroom.UnsubscribePath(mail);
        using var anonymous = newsroom.Server.CreateClient();

        // GET changes nothing, so asking until the link has expired is safe.
        await Eventually.Until(
            async () => (await anonymous.GetAsync(link)).StatusCode,
            status => status == HttpStatusCode.BadRequest,
            MailingNewsroom.LinkLifetime * 3,
            "the unsubscribe link to expire");
        using var posted = await anonymous.PostAsync(link, OneClick());

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal("immediately", await Delivery(eddie, "draft-assigned"));
    }

    [Fact]
    public async Task SetEmailDelivery_OverTheHub_IsTheCallersOwn_AndBadNamesAreRefusedWithTheReason()
    {
        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        await using var hub = ada.Connect();
        await hub.StartAsync();

        var refusedKind = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SetEmailDelivery", "gossip", "hourly"));
        var refusedDelivery = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SetEmailDelivery", "mentioned", "3"));
        var set = await hub.InvokeAsync<JsonElement>("SetEmailDelivery", "new-story-on-tag", "hourly");

        Assert.Contains("'gossip' is not a notification kind", refusedKind.Message, StringComparison.Ordinal);
        Assert.Contains("'3' is not an email delivery", refusedDelivery.Message, StringComparison.Ordinal);
        Assert.Equal("hourly", Of(set, "new-story-on-tag"));
        Assert.Equal("ada@newsroom.localhost", set.GetProperty("address").GetString());
        using var rosa = await newsroom.Server.SignInAsync("rosa", "rosa-demo");
        Assert.Equal("immediately", await Delivery(rosa, "new-story-on-tag"));
    }

    [Fact]
    public async Task SettingsPage_SavesThePlainForm_AndRefusesAnUnknownChoiceWhole()
    {
        using var anonymous = newsroom.Server.CreateClient();
        using var signedOut = await anonymous.GetAsync("/notifications/settings");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Contains("/signin", signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);

        using var ada = await newsroom.Server.SignInAsync("ada", "ada-demo");
        var page = await ada.Http.GetStringAsync("/notifications/settings");
        Assert.Contains("<label for=\"delivery-CommentOnMyStory\">New comments on stories I wrote</label>", page, StringComparison.Ordinal);

        using var saved = await PostSettings(ada, page, ("delivery-CommentOnMyStory", "Daily"), ("delivery-StoryCorrected", "Never"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = await ada.Http.GetStringAsync(saved.Headers.Location);
        Assert.Contains("id=\"settings-saved\"", shown, StringComparison.Ordinal);
        Assert.Matches("<option value=\"Daily\" selected=\"selected\">", shown);
        Assert.Equal("daily", await Delivery(ada, "comment-on-my-story"));
        Assert.Equal("never", await Delivery(ada, "story-corrected"));

        using var refused = await PostSettings(ada, page, ("delivery-CommentOnMyStory", "Hourly"), ("delivery-StoryCorrected", "Weekly"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'Weekly' is not an email delivery", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("daily", await Delivery(ada, "comment-on-my-story"));
    }

    private static FormUrlEncodedContent OneClick() => new(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" });

    private static async Task<HttpResponseMessage> PostSettings(StaffSession session, string page, params (string Field, string Value)[] choices)
    {
        var form = choices.ToDictionary(c => c.Field, c => c.Value);
        form["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await session.Http.PostAsync("/notifications/settings", new FormUrlEncodedContent(form));
    }

    private static async Task<string?> Delivery(StaffSession session, string kind)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        return Of(await hub.InvokeAsync<JsonElement>("EmailPreferences"), kind);
    }

    private static async Task SetDelivery(StaffSession session, string kind, string delivery)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("SetEmailDelivery", kind, delivery);
    }

    private static string? Of(JsonElement preferences, string kind) =>
        preferences.GetProperty("delivery").EnumerateObject().Single(p => p.Name == kind).Value.GetString();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
