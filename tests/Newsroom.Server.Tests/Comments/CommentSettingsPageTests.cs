using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>A story's comment settings page: moderators change the story's own settings; a bad form is refused with the reason and stores nothing.</summary>
public sealed partial class CommentSettingsPageTests(CommentsNewsroom newsroom) : IClassFixture<CommentsNewsroom>
{
    [Fact]
    public async Task AModerator_PutsAStoryInPreModeration_AndClosesItAfterThreeDays_AndTheThreadRunsSo()
    {
        var slug = await PublishAsync();
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");

        var saved = await PostAsync(mona, $"/articles/{slug}", new()
        {
            ["Form.Mode"] = "pre-moderation",
            ["Form.CloseBy"] = "days",
            ["Form.CloseAfterDays"] = "3",
            ["Form.EditWindowMinutes"] = "2.5",
            ["Form.GuestApprovalsBeforeTrust"] = "0",
        });
        var page = await mona.Http.GetStringAsync(saved.Headers.Location);
        var settings = await SettingsAsync(mona, slug);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("id=\"settings-saved\"", page, StringComparison.Ordinal);
        Assert.Contains("<option value=\"pre-moderation\" selected=\"selected\">", page, StringComparison.Ordinal);
        Assert.Equal("pre-moderation", settings.GetProperty("mode").GetString());
        Assert.Equal(3, settings.GetProperty("closeAfterDays").GetInt32());
        Assert.Equal("00:02:30", settings.GetProperty("editWindow").GetString());
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("overrides").GetProperty("maxLength").ValueKind);
        var held = await CommentingGuest.PostAsync(newsroom.Server, slug, "Held until a moderator reads it.");
        await using var hub = mona.Connect();
        await hub.StartAsync();
        var queue = await hub.InvokeAsync<JsonElement>("CommentQueue", slug, 10);
        Assert.Equal(held, queue.GetProperty("pending")[0].GetProperty("id").GetInt64());
        Assert.Equal("pre-moderation", queue.GetProperty("pending")[0].GetProperty("heldBy").GetString());
    }

    [Theory]
    [InlineData("Form.MinLength", "50", "Form.MaxLength", "10")]
    [InlineData("Form.MaxLength", "many", "Form.Mode", "pre-moderation")]
    [InlineData("Form.CloseBy", "days", "Form.CloseAfterDays", "")]
    [InlineData("Form.Mode", "whenever", "Form.Open", "closed")]
    public async Task AFormThatDoesNotWork_IsRefusedWithTheReason_AndStoresNothing(string field, string value, string other, string otherValue)
    {
        var slug = await PublishAsync();
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");
        var before = await SettingsAsync(mona, slug);

        var refused = await PostAsync(mona, slug, new() { [field] = value, [other] = otherValue });
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The settings were not saved:", page, StringComparison.Ordinal);
        Assert.Matches(ProblemItem(), page);
        Assert.Equal(before.GetRawText(), (await SettingsAsync(mona, slug)).GetRawText());
    }

    [Fact]
    public async Task AReporter_IsSentToSignIn_AndAnUnknownStory_IsNotFoundWithTheReason()
    {
        var slug = await PublishAsync();
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");

        var asRosa = await rosa.Http.GetAsync($"/moderation/settings?story={slug}");
        var unknown = await mona.Http.GetAsync("/moderation/settings?story=never-published-story");

        Assert.Equal(HttpStatusCode.Redirect, asRosa.StatusCode);
        Assert.StartsWith("/signin", asRosa.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Matches("There is no published story at [^ ]+never-published-story[^ ]+: give a story", await unknown.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> PostAsync(StaffSession session, string story, Dictionary<string, string> form)
    {
        var page = await session.Http.GetStringAsync($"/moderation/settings?story={Uri.EscapeDataString(story)}");
        form["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        form["story"] = story;
        return await session.Http.PostAsync("/moderation/settings", new FormUrlEncodedContent(form));
    }

    private static async Task<JsonElement> SettingsAsync(StaffSession session, string slug)
    {
        await using var hub = session.Connect();
        await hub.StartAsync();
        return await hub.InvokeAsync<JsonElement>("CommentSettings", slug);
    }

    private async Task<string> PublishAsync()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        return slug;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<li>[^<]+</li>")]
    private static partial Regex ProblemItem();
}
