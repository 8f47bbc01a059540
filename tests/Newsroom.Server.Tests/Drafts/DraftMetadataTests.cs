using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// Metadata over the wire: SetMetadata's answer and the <c>draft.metadata</c> event in their JSON shape. The rules
/// (last writer wins per property, every limit and its message) are grain tests:
/// tests/Newsroom.Grains.Tests/Drafts/DraftGrainMetadataTests.
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
}
