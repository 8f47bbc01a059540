using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Server.Articles;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Articles;

public sealed class DemoNewsroomTests(SharedNewsroom newsroom)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Production_PublishesNoDemoStories_NorDevelopmentWithoutThem_Development_PublishesThemOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var production = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
        using (var http = production.CreateClient())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/articles/{DemoStories.FixtureSlug}")).StatusCode);
            Assert.Contains("No stories have been published yet", await http.GetStringAsync("/"));
        }

        await production.KillAsync();

        // Development without the stories (as the tests' servers run): the demo accounts, and still nothing published.
        await using (var withoutStories = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__Demo__Stories"] = "false" }))
        {
            using var rosa = await withoutStories.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
            Assert.Contains("No stories have been published yet", await rosa.Http.GetStringAsync("/"));
            Assert.Empty(await DeskRows(rosa));
            await withoutStories.KillAsync();
        }

        await using var development = await NewsroomServer.StartAsync(azurite, NewsroomServer.WithDemoStories);
        string firstPage;
        using (var http = development.CreateClient())
        {
            firstPage = await http.GetStringAsync($"/articles/{DemoStories.CorrectedSlug}");
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/articles/{DemoStories.FixtureSlug}")).StatusCode);
        }

        await AssertTheDemoNewsroomIsWhole(development);
        var before = await Inventory(development);

        // A second start finds the stories there and publishes nothing again: the corrected story keeps its one correction.
        await development.KillAsync();
        await development.RestartAsync();
        using (var http = development.CreateClient())
        {
            var (_, page) = await ReaderHtml.GetAsync(http, $"/articles/{DemoStories.CorrectedSlug}");
            Assert.Single(page.QuerySelectorAll(".revisions li"));
            Assert.Equal("2", page.QuerySelector("#story")?.GetAttribute("data-version"));
            Assert.Equal(
                new AngleSharp.Html.Parser.HtmlParser().ParseDocument(firstPage).QuerySelector(".story-head")?.OuterHtml,
                page.QuerySelector(".story-head")?.OuterHtml);
        }

        // ...and writes no draft: the desk lists the same drafts, changed last at the same moments, and every story has
        // as many versions as before.
        await AssertTheDemoNewsroomIsWhole(development);
        Assert.Equal(before, await Inventory(development));
    }

    [Fact]
    public async Task TheDemoNightBusesStory_HasReadersDiscussingIt_WithAStaffReply_InlineFeedback_VotesAndARating()
    {
        await using var reader = await Newsroom.Server.Tests.Comments.CommentReader.ConnectAsync(newsroom.Server);

        var page = await Eventually.Until(
            () => reader.Page(DemoConversation.Slug, "oldest"), p => p.GetProperty("publishedCount").GetInt32() == 3, _wait, "the demo discussion");

        var comments = page.GetProperty("comments").EnumerateArray().ToList();
        Assert.Equal(2, comments.Count);
        var ana = comments[0];
        Assert.True(ana.GetProperty("featured").GetBoolean());
        Assert.Equal(1, ana.GetProperty("up").GetInt32());
        var reply = Assert.Single(ana.GetProperty("replies").EnumerateArray());
        Assert.Equal("Eddie Editor", reply.GetProperty("authorName").GetString());
        Assert.True(reply.GetProperty("isStaff").GetBoolean());
        var inline = comments[1].GetProperty("passage");
        Assert.Equal(DemoConversation.Passage, inline.GetProperty("quote").GetString());
        Assert.False(inline.GetProperty("changed").GetBoolean());
        Assert.Equal("4.0 · 3 votes", page.GetProperty("rating").GetProperty("text").GetString());
    }

    [Fact]
    public async Task AStartKilledWhileWritingTheDeskDrafts_IsFinishedByTheNext_WithNothingTwice()
    {
        await using var azurite = await Azurite.StartAsync();
        var server = NewsroomServer.Create(
            azurite.ConnectionString,
            new Dictionary<string, string?>(NewsroomServer.WithDemoStories) { ["Logging__LogLevel__Newsroom.Server.Articles.DemoNewsroom"] = "Information" });
        await using (server)
        {
            // Killed the moment the last story is published, while the drafts for the desk are being written (it takes
            // tens of milliseconds; where exactly the kill lands varies): the next start must finish them, once each.
            await server.RestartAsync(untilReady: false);
            await server.Process.LineAsync(l => l.Contains($"Demo newsroom: published '{DemoStories.All[^1].Slug}'", StringComparison.Ordinal))
                .WaitAsync(_wait, "the last demo story to be published");
            await server.KillAsync();

            await server.RestartAsync();

            await AssertTheDemoNewsroomIsWhole(server);
            using var editor = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
            Assert.Equal(DemoStories.All.Count + DemoStories.OnTheDesk.Count, (await DeskRows(editor)).Count);
        }
    }

    [Fact]
    public async Task FirstStart_InDevelopment_LeavesADraftInReviewAndAnAssignedOneOnTheDesk()
    {
        using var editor = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var inReview = DemoStories.OnTheDesk.Single(d => d.Slug == DemoStories.InReviewSlug);
        var assigned = DemoStories.OnTheDesk.Single(d => d.Stage == DemoDraftStage.AssignedToReporter);

        var rows = await Eventually.Until(
            () => DeskRows(editor),
            rows => rows.Any(r => Headline(r) == inReview.Content.Headline && Status(r) == "in-review"),
            _wait,
            "the demo draft in review on the desk");

        var row = Assert.Single(rows, r => Headline(r) == inReview.Content.Headline);
        var draft = await editor.ReadDraftAsync(row.GetProperty("id").GetString()!);
        Assert.Equal(["submit"], Steps(draft));
        Assert.Equal("Rosa Reporter", draft.GetProperty("workflow").GetProperty("history")[0].GetProperty("by").GetString());
        Assert.Equal(inReview.Content.Body, draft.GetProperty("fields").GetProperty("body").GetProperty("text").GetString());
        Assert.Equal(inReview.Content.Standfirst, draft.GetProperty("fields").GetProperty("standfirst").GetProperty("text").GetString());
        Assert.Equal(DemoStories.InReviewSlug, draft.GetProperty("metadata").GetProperty("slug").GetString());
        var plain = Assert.Single(rows, r => Headline(r) == assigned.Content.Headline);
        Assert.Equal(("draft", "rosa"), (Status(plain), plain.GetProperty("assignedTo").GetString()));
    }

    [Fact]
    public async Task DemoStory_IsPublishedFromItsDraft_WhoseHistoryRecordsSubmitApproveAndPublish()
    {
        using var editor = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.FixtureSlug);

        var article = await editor.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{story.Slug}");
        var current = article.GetProperty("current");
        var draft = await editor.ReadDraftAsync(current.GetProperty("draftId").GetString()!);

        var workflow = draft.GetProperty("workflow");
        Assert.Equal("published", workflow.GetProperty("status").GetString());
        Assert.Equal(["submit", "approve", "publish"], Steps(draft));
        Assert.Equal(
            ["Rosa Reporter", "Eddie Editor", "Eddie Editor"], [.. workflow.GetProperty("history").EnumerateArray().Select(t => t.GetProperty("by").GetString() ?? "")]);
        Assert.Equal(story.Slug, workflow.GetProperty("publishedSlug").GetString());
        Assert.Equal(draft.GetProperty("fields").GetProperty("body").GetProperty("version").GetInt32(), current.GetProperty("draftBodyVersion").GetInt32());
        Assert.Equal(story.Content.Body, draft.GetProperty("fields").GetProperty("body").GetProperty("text").GetString());
        Assert.Equal(story.Content.Headline, draft.GetProperty("fields").GetProperty("headline").GetProperty("text").GetString());
        Assert.Equal(
            (story.Content.Section, story.Content.Byline, story.Slug),
            (draft.GetProperty("metadata").GetProperty("section").GetString(), draft.GetProperty("metadata").GetProperty("byline").GetString(), draft.GetProperty("metadata").GetProperty("slug").GetString()));
    }

    [Fact]
    public async Task CorrectedStory_HasTwoVersions_TheCorrectionEditedAndRepublishedFromItsDraft()
    {
        using var editor = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var story = DemoStories.All.Single(s => s.Slug == DemoStories.CorrectedSlug);

        var article = await editor.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{story.Slug}");
        var current = article.GetProperty("current");
        var draft = await editor.ReadDraftAsync(current.GetProperty("draftId").GetString()!);

        Assert.Equal(["first", "correction"], [.. article.GetProperty("revisions").EnumerateArray().Select(r => r.GetProperty("kind").GetString() ?? "")]);
        Assert.Equal(story.Correction!.Note, current.GetProperty("note").GetString());
        Assert.Equal(["submit", "approve", "publish", "update"], Steps(draft));
        Assert.Equal(story.Correction.Body, draft.GetProperty("fields").GetProperty("body").GetProperty("text").GetString());
        Assert.Equal(draft.GetProperty("fields").GetProperty("body").GetProperty("version").GetInt32(), current.GetProperty("draftBodyVersion").GetInt32());

        // The correction is the editor's edit in the draft: one body update after the first publication.
        Assert.Equal(2, current.GetProperty("draftBodyVersion").GetInt32());
    }

    // Every demo story published from its own draft along the demo's walk, once; the drafts on the desk where the demo
    // leaves them; no demo draft twice.
    private static async Task AssertTheDemoNewsroomIsWhole(NewsroomServer server)
    {
        using var editor = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var rows = await Eventually.Until(
            () => DeskRows(editor),
            rows => rows.Any(r => Headline(r) == DemoStories.OnTheDesk[0].Content.Headline && Status(r) == "in-review")
                && DemoStories.All.All(s => rows.Any(r => Headline(r) == s.Content.Headline && Status(r) == "published")),
            _wait,
            "the demo drafts on the desk with their statuses");
        foreach (var story in DemoStories.All)
        {
            var article = await editor.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{story.Slug}");
            var current = article.GetProperty("current");
            var draftId = current.GetProperty("draftId").GetString()!;
            Assert.Equal(story.Correction is null ? 1 : 2, article.GetProperty("revisions").GetArrayLength());
            Assert.Equal(story.Correction?.Body ?? story.Content.Body, current.GetProperty("content").GetProperty("body").GetString());
            var draft = await editor.ReadDraftAsync(draftId);
            Assert.Equal(story.Correction is null ? ["submit", "approve", "publish"] : ["submit", "approve", "publish", "update"], Steps(draft));
            Assert.Equal(draftId, Assert.Single(rows, r => Headline(r) == story.Content.Headline).GetProperty("id").GetString());
        }

        foreach (var demo in DemoStories.OnTheDesk)
        {
            var row = Assert.Single(rows, r => Headline(r) == demo.Content.Headline);
            var draft = await editor.ReadDraftAsync(row.GetProperty("id").GetString()!);
            Assert.Equal(demo.Stage == DemoDraftStage.InReview ? ["submit"] : Array.Empty<string>(), Steps(draft));
            Assert.Equal(demo.Content.Body, draft.GetProperty("fields").GetProperty("body").GetProperty("text").GetString());
        }
    }

    // What a start could add to: the drafts on the desk (with their last change) and every demo story's versions.
    private static async Task<string> Inventory(NewsroomServer server)
    {
        using var editor = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var drafts = (await DeskRows(editor))
            .Select(r => $"{r.GetProperty("id")} {Status(r)} {r.GetProperty("lastChangedAt")} {r.GetProperty("assignedTo")}")
            .Order(StringComparer.Ordinal);
        var versions = new List<string>();
        foreach (var story in DemoStories.All)
        {
            var article = await editor.Http.GetFromJsonAsync<JsonElement>($"/api/articles/{story.Slug}");
            versions.Add($"{story.Slug} {article.GetProperty("revisions").GetArrayLength()} {article.GetProperty("current").GetProperty("number")}");
        }

        return string.Join('\n', [.. drafts, .. versions]);
    }

    private static async Task<DeskList> DeskRows(StaffSession session) =>
        new([.. (await session.Http.GetFromJsonAsync<JsonElement>("/api/drafts")).GetProperty("drafts").EnumerateArray()]);

    private static string? Headline(JsonElement row) => row.GetProperty("headline").GetString();

    private static string? Status(JsonElement row) => row.GetProperty("status").GetString();

    private static string[] Steps(JsonElement draft) =>
        [.. draft.GetProperty("workflow").GetProperty("history").EnumerateArray().Select(t => t.GetProperty("step").GetString() ?? "")];

    // The desk's rows, described in a failure message by headline and status.
    private sealed class DeskList(List<JsonElement> rows) : List<JsonElement>(rows)
    {
        public override string ToString() => string.Join("; ", this.Select(r => $"{Headline(r)} ({Status(r)})"));
    }
}
