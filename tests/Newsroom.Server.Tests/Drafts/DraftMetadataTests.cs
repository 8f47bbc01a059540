using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Section, tags, byline and slug: last writer wins per property, validated (section 60, 20 tags of 40,
/// byline 200, slug 120 characters of lowercase words joined by hyphens), broadcast once durable.
/// </summary>
public sealed class DraftMetadataTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task SetMetadata_ChangesOnlyTheGivenProperties_AndEveryoneSeesIt()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var draftId = await rosa.CreateDraftAsync("Metadata");
        await using var watcher = await DraftEditorClient.OpenAsync(rosa, draftId);
        await using var writer = await DraftEditorClient.OpenAsync(eddie, draftId);

        var first = await writer.Connection.InvokeAsync<JsonElement>(
            "SetMetadata", draftId, new { section = "Politics", tags = new[] { "budget", "tax" }, byline = "Eddie Editor" });
        var second = await writer.Connection.InvokeAsync<JsonElement>("SetMetadata", draftId, new { slug = "budget-2026-reaction", section = "Business" });
        var seen = await DraftEvents.Next(watcher, "draft.metadata", e => e.GetProperty("metadata").GetProperty("slug").GetString() == "budget-2026-reaction");

        Assert.Equal("Politics", first.GetProperty("section").GetString());
        Assert.Equal("""{"section":"Business","tags":["budget","tax"],"byline":"Eddie Editor","slug":"budget-2026-reaction"}""", second.GetRawText());
        Assert.Equal(second.GetRawText(), seen.GetProperty("metadata").GetRawText());
        Assert.Equal("Eddie Editor", seen.GetProperty("changedBy").GetString());
        var view = await rosa.ReadDraftAsync(draftId);
        Assert.Equal(second.GetRawText(), view.GetProperty("metadata").GetRawText());
    }

    [Theory]
    [InlineData("section", "The section may be at most 60 characters long; got 61.")]
    [InlineData("tags", "A draft may have at most 20 tags; got 21.")]
    [InlineData("tag", "The tag may be at most 40 characters long; got 41.")]
    [InlineData("byline", "The byline may be at most 200 characters long; got 201.")]
    [InlineData("slug", "must be lowercase letters and digits in words joined by single hyphens")]
    [InlineData("long slug", "The slug may be at most 120 characters long; got 121.")]
    public async Task InvalidMetadata_IsRefused_AndNothingChanges(string what, string reason)
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Metadata");
        await using var editor = await DraftEditorClient.OpenAsync(rosa, draftId);
        await editor.Connection.InvokeAsync<JsonElement>("SetMetadata", draftId, new { section = "World" });
        object change = what switch
        {
            "section" => new { section = new string('s', 61) },
            "tags" => new { tags = Enumerable.Range(0, 21).Select(i => $"tag{i}").ToArray() },
            "tag" => new { tags = new[] { new string('t', 41) } },
            "byline" => new { byline = new string('b', 201) },
            "slug" => new { slug = "Budget--2026" },
            _ => new { slug = new string('a', 121) },
        };

        var refused = await Assert.ThrowsAsync<HubException>(() => editor.Connection.InvokeAsync<JsonElement>("SetMetadata", draftId, change));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        var view = await rosa.ReadDraftAsync(draftId);
        Assert.Equal("""{"section":"World","tags":[],"byline":"","slug":""}""", view.GetProperty("metadata").GetRawText());
        Assert.DoesNotContain(DraftEvents.Drain(editor), e => e.GetProperty("type").GetString() == "draft.metadata" && e.GetProperty("metadata").GetProperty("section").GetString() != "World");
    }
}
