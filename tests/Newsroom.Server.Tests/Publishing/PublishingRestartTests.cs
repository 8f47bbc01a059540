using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>A killed and restarted newsroom keeps every published version, and its front page lists the same stories.</summary>
public sealed class PublishingRestartTests
{
    [Fact]
    public async Task AKilledServer_KeepsEveryPublishedVersion_AndTheFrontPageListsTheSameStories()
    {
        await using var newsroom = await NewsroomOnAzurite.StartAsync();
        string slug;
        JsonElement before;
        string frontBefore;
        await using (var staff = await Newsroom.SignInAsync(newsroom.Server))
        {
            (var draftId, slug) = await staff.StoryAsync(body: "Polls close at 8pm.");
            await Newsroom.Step(staff.Reporter, draftId, "submit");
            await Newsroom.Step(staff.Editor, draftId, "approve");
            await Newsroom.Step(staff.Editor, draftId, "publish");
            await staff.Editor.InvokeAsync<JsonElement>(
                "PushUpdates", draftId, "body", 1, JsonSerializer.SerializeToElement(new[] { new { clientId = "fix", changes = new object[] { 15, new object[] { 4, "9pm." } } } }));
            await Newsroom.Step(staff.Editor, draftId, "update", "Correction: polls close at 9pm.", "correction");
            using var http = newsroom.Server.CreateClient();
            before = await http.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
            frontBefore = StoryLinks(await http.GetStringAsync("/"));
        }

        await newsroom.Server.KillAsync();
        await newsroom.Server.RestartAsync();

        using var reader = newsroom.Server.CreateClient();
        var after = await reader.GetFromJsonAsync<JsonElement>($"/api/articles/{slug}");
        Assert.Equal(2, after.GetProperty("current").GetProperty("number").GetInt32());
        Assert.Equal("Polls close at 9pm.", after.GetProperty("current").GetProperty("content").GetProperty("body").GetString());
        Assert.Equal(before.GetProperty("revisions").GetRawText(), after.GetProperty("revisions").GetRawText());
        Assert.Equal(before.GetProperty("current").GetRawText(), after.GetProperty("current").GetRawText());
        Assert.Contains($"/articles/{slug}", frontBefore, StringComparison.Ordinal);
        Assert.Equal(frontBefore, StoryLinks(await reader.GetStringAsync("/")));
    }

    [Fact]
    public async Task AKilledServer_KeepsEachDraftsStatusHistoryAndAssignee_AndTheDraftOpens()
    {
        await using var newsroom = await NewsroomOnAzurite.StartAsync();
        string draftId;
        JsonElement before;
        await using (var staff = await Newsroom.SignInAsync(newsroom.Server))
        {
            (draftId, _) = await staff.StoryAsync();
            await Newsroom.Step(staff.Reporter, draftId, "submit");
            await Newsroom.Step(staff.Editor, draftId, "approve");
            await staff.Editor.InvokeAsync<JsonElement>("Assign", draftId, "rosa");
            await Newsroom.Step(staff.Editor, draftId, "publish");
            before = (await staff.Rosa.ReadDraftAsync(draftId)).GetProperty("workflow");
        }

        await newsroom.Server.KillAsync();
        await newsroom.Server.RestartAsync();

        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var after = (await rosa.ReadDraftAsync(draftId)).GetProperty("workflow");
        Assert.Equal("published", after.GetProperty("status").GetString());
        Assert.Equal(3, after.GetProperty("history").GetArrayLength());
        Assert.Equal(before.GetRawText(), after.GetRawText());
    }

    // The story links of a listing page, in order.
    private static string StoryLinks(string html) =>
        string.Join('\n', System.Text.RegularExpressions.Regex.Matches(html, "href=\"(/articles/[^\"]+)\"").Select(m => m.Groups[1].Value));
}
