using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>Every step from every status, by every role, through the real staff hub: taken where the rules allow it, refused with a reason and nothing changed where not.</summary>
public sealed class DraftWorkflowTests(PublishingNewsroom shared) : IClassFixture<PublishingNewsroom>
{
    // How the admin brings a fresh story to each status before someone tries a step from there.
    private static readonly Dictionary<string, string[]> _pathTo = new()
    {
        ["draft"] = [],
        ["in-review"] = ["submit"],
        ["approved"] = ["submit", "approve"],
        ["published"] = ["submit", "approve", "publish"],
        ["withdrawn"] = ["submit", "approve", "publish", "withdraw"],
        ["archived"] = ["archive"],
    };

    // Where each step leads from each status for those allowed to take it; reporters may only submit, moderators nothing.
    private static readonly Dictionary<(string From, string Step), string> _moves = new()
    {
        [("draft", "submit")] = "in-review",
        [("in-review", "send-back")] = "draft",
        [("approved", "send-back")] = "draft",
        [("in-review", "approve")] = "approved",
        [("approved", "publish")] = "published",
        [("withdrawn", "publish")] = "published",
        [("published", "update")] = "published",
        [("published", "withdraw")] = "withdrawn",
        [("draft", "archive")] = "archived",
        [("in-review", "archive")] = "archived",
        [("approved", "archive")] = "archived",
        [("withdrawn", "archive")] = "archived",
        [("archived", "restore")] = "draft",
    };

    private static readonly string[] _steps = ["submit", "send-back", "approve", "publish", "update", "withdraw", "archive", "restore"];

    public static TheoryData<string, string> RolesAndStatuses()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "reporter", "editor", "moderator", "admin" })
        {
            foreach (var status in _pathTo.Keys)
            {
                data.Add(role, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndStatuses))]
    public async Task EveryStep_FromThisStatus_ByThisRole_IsTakenOrRefusedAsTheRulesSay(string role, string status)
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        foreach (var step in _steps)
        {
            var (draftId, _) = await newsroom.StoryAsync();
            foreach (var earlier in _pathTo[status])
            {
                await Newsroom.Step(newsroom.Admin, draftId, earlier, "Because.");
            }

            var mayTake = role is "editor" or "admin" || (role == "reporter" && step == "submit");
            var who = newsroom.ByRole[role];
            if (mayTake && _moves.TryGetValue((status, step), out var to))
            {
                var workflow = await Newsroom.Step(who, draftId, step, "Because.");
                Assert.Equal(to, workflow.GetProperty("status").GetString());
                var last = workflow.GetProperty("history").EnumerateArray().Last();
                Assert.Equal((step, status, to, "Because."), (last.GetProperty("step").GetString(), last.GetProperty("from").GetString(), last.GetProperty("to").GetString(), last.GetProperty("note").GetString()));
            }
            else
            {
                var refused = await Assert.ThrowsAsync<HubException>(() => Newsroom.Step(who, draftId, step, "Because."));
                // Refused for the role when the role may never take it, else for the status; either way naming what is allowed.
                Assert.Matches(mayTake ? "cannot be .*While it is" : "Only (editors|reporters and editors) may .*While it is", refused.Message);
                var unchanged = await newsroom.Admin.InvokeAsync<JsonElement>("OpenDraft", draftId);
                Assert.Equal(status, unchanged.GetProperty("workflow").GetProperty("status").GetString());
                Assert.Equal(_pathTo[status].Length, unchanged.GetProperty("workflow").GetProperty("history").GetArrayLength());
            }
        }
    }

    [Fact]
    public async Task AReporterApproving_IsToldWhoMayAndWhatTheyMayDoInstead()
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        var (draftId, _) = await newsroom.StoryAsync();
        await Newsroom.Step(newsroom.Reporter, draftId, "submit");

        var refused = await Assert.ThrowsAsync<HubException>(() => Newsroom.Step(newsroom.Reporter, draftId, "approve"));

        Assert.EndsWith("Only editors may approve a story. While it is in review, you may not change its status.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendingBack_NeedsAReason_AndTheReasonIsKeptInTheHistory()
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        var (draftId, _) = await newsroom.StoryAsync();
        await Newsroom.Step(newsroom.Reporter, draftId, "submit");

        var blank = await Assert.ThrowsAsync<HubException>(() => Newsroom.Step(newsroom.Editor, draftId, "send-back", "  "));
        var sent = await Newsroom.Step(newsroom.Editor, draftId, "send-back", "Needs a second source for the turnout.");

        Assert.EndsWith("To send a story back, write a reason for the reporter.", blank.Message, StringComparison.Ordinal);
        var last = sent.GetProperty("history").EnumerateArray().Last();
        Assert.Equal("Eddie Editor", last.GetProperty("by").GetString());
        Assert.Equal("Needs a second source for the turnout.", last.GetProperty("note").GetString());
        Assert.Equal("draft", sent.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownStep_IsRefusedNamingTheSteps()
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        var (draftId, _) = await newsroom.StoryAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => Newsroom.Step(newsroom.Editor, draftId, "print"));

        Assert.EndsWith("'print' is not a workflow step; expected one of submit, send-back, approve, publish, update, withdraw, archive, restore.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStep_ReachesEveryEditorInTheDraft_AndTheDesk()
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        var (draftId, _) = await newsroom.StoryAsync();
        var seen = new TaskCompletionSource<JsonElement>();
        var listed = new TaskCompletionSource<JsonElement>();
        newsroom.Moderator.OnEvents(e =>
        {
            var type = e.GetProperty("event").GetProperty("type").GetString();
            if (type == "draft.workflow")
            {
                seen.TrySetResult(e.GetProperty("event"));
            }
            else if (type == "desk.draft-changed" && e.GetProperty("event").GetProperty("draft").GetProperty("id").GetString() == draftId
                && e.GetProperty("event").GetProperty("draft").GetProperty("status").GetString() == "in-review")
            {
                listed.TrySetResult(e.GetProperty("event"));
            }
        });
        await newsroom.Moderator.InvokeAsync<JsonElement>("OpenDraft", draftId);
        await newsroom.Moderator.InvokeAsync("Join", "desk:newsroom");

        await Newsroom.Step(newsroom.Reporter, draftId, "submit");

        var workflow = await seen.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("in-review", workflow.GetProperty("workflow").GetProperty("status").GetString());
        await listed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task ADraft_IsAssignedToAStaffMember_AndTheDeskSaysSo()
    {
        await using var newsroom = await Newsroom.SignInAsync(shared.Server);
        var (draftId, _) = await newsroom.StoryAsync();

        var assigned = await newsroom.Editor.InvokeAsync<JsonElement>("Assign", draftId, "rosa");
        var unknown = await Assert.ThrowsAsync<HubException>(() => newsroom.Editor.InvokeAsync<JsonElement>("Assign", draftId, "nobody"));
        var moderator = await Assert.ThrowsAsync<HubException>(() => newsroom.Moderator.InvokeAsync<JsonElement>("Assign", draftId, "mona"));

        Assert.Equal("Rosa Reporter", assigned.GetProperty("assignedTo").GetProperty("displayName").GetString());
        Assert.EndsWith("There is no staff member 'nobody' to assign the draft to.", unknown.Message, StringComparison.Ordinal);
        Assert.EndsWith("You may read this draft but not edit it.", moderator.Message, StringComparison.Ordinal);
        var desk = await newsroom.Rosa.Http.GetFromJsonAsync<JsonElement>("/api/drafts");
        var row = desk.GetProperty("drafts").EnumerateArray().Single(d => d.GetProperty("id").GetString() == draftId);
        Assert.Equal("rosa", row.GetProperty("assignedTo").GetString());
    }
}
