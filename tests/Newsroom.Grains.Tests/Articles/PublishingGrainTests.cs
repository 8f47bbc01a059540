using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Accounts;
using Newsroom.Core.Changes;
using Newsroom.Core.Documents;
using Newsroom.Core.Publishing;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Articles;

/// <summary>
/// A draft publishing its story: the article keeps each version, tells open readers and the story index, and an
/// update carries the change from the previous version made of the editors' own edits.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class PublishingGrainTests(GrainCluster cluster)
{
    private static readonly DraftUser _reporter = new("rosa", "Rosa Reporter", [NewsroomRoles.Reporter]);
    private static readonly DraftUser _editor = new("eddie", "Eddie Editor", [NewsroomRoles.Editor]);

    [Fact]
    public async Task Publishing_StoresVersionOne_AndTellsReadersAndTheIndex()
    {
        var (draft, slug) = await ApprovedStory("Polls close at 8pm in Astana.");
        await using var readers = await cluster.Listen(ChannelName.Article(slug));
        await using var listings = await cluster.Listen(ChannelName.Stories(IStoryIndexGrain.Newsroom));

        var workflow = await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);

        var article = await cluster.Client.GetGrain<IArticleGrain>(slug).Get();
        Assert.Equal((DraftStatus.Published, slug), (workflow.Status, workflow.PublishedSlug));
        Assert.Equal((1, "Kazakhstan votes", "Polls close at 8pm in Astana.", "World"), (article!.Current.Number, article.Current.Content.Headline, article.Current.Content.Body, article.Current.Content.Section));
        Assert.Equal(ArticleChangeKind.First, article.Current.Kind);
        var heard = await readers.WaitFor<ArticleUpdated>();
        Assert.Equal(1, heard.Article.Current.Number);
        await listings.WaitFor<StoryChanged>(s => s.Story.Slug == slug);
        var front = await cluster.Client.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom).List(null, 1, 100);
        Assert.Contains(front.Stories, s => s.Slug == slug && s.Headline == "Kazakhstan votes");
    }

    [Fact]
    public async Task ACorrection_IsTheNextVersion_CarryingTheEditorsOwnEditsAsItsChange()
    {
        var (draft, slug) = await ApprovedStory("The meeting was on Tuesday. Turnout was 61 percent.");
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);
        // Tuesday becomes Monday: two edits, as typed.
        await draft.Push(DraftField.Body, 1, [new("fix", ChangeSet.Of([new ChangeSpec(19, 26, "Mon")], 51).ToJson())], _editor);
        await draft.Push(DraftField.Body, 2, [new("fix", ChangeSet.Of([new ChangeSpec(22, Insert: "day")], 47).ToJson())], _editor);

        var refused = await Assert.ThrowsAsync<DraftException>(() => draft.TakeStep(new WorkflowRequest(WorkflowStep.Update, " "), _editor));
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Update, "Correction: the meeting was on Monday.", ArticleChangeKind.Correction), _editor);

        var article = (await cluster.Client.GetGrain<IArticleGrain>(slug).Get())!;
        var first = (await cluster.Client.GetGrain<IArticleGrain>(slug).GetVersion(1))!;
        Assert.EndsWith("write the note readers will see.", refused.Message, StringComparison.Ordinal);
        Assert.Equal((2, ArticleChangeKind.Correction, "Correction: the meeting was on Monday."), (article.Current.Number, article.Current.Kind, article.Current.Note));
        Assert.Equal("The meeting was on Monday. Turnout was 61 percent.", article.Current.Content.Body);
        Assert.Equal([ArticleChangeKind.First, ArticleChangeKind.Correction], article.Revisions.Select(r => r.Kind));
        var change = ChangeSet.FromJson(article.Current.BodyChangeJson!);
        var body = new DraftText(first.Content.Body);
        body.Apply(change);
        Assert.Equal(article.Current.Content.Body, body.ToString());
        // The composed edits keep "Turnout" where it is; a passage after the edit moves with it.
        Assert.Equal(article.Current.Content.Body.IndexOf("Turnout", StringComparison.Ordinal), change.MapPos(first.Content.Body.IndexOf("Turnout", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TwoEditorsPublishingAtOnce_PublishOnce_AndTheSecondIsToldWhatHappened()
    {
        var (draft, slug) = await ApprovedStory("Results expected overnight.");
        var ada = new DraftUser("ada", "Ada Admin", [NewsroomRoles.Admin]);

        var results = await Task.WhenAll(
            Attempt(() => draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor)),
            Attempt(() => draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), ada)));

        Assert.Single(results, r => r is null);
        var refusal = Assert.Single(results, r => r is not null);
        Assert.Matches("^(Eddie Editor|Ada Admin) already did this at \\d\\d:\\d\\d UTC\\. A story that is published cannot be published\\.", refusal);
        var article = await cluster.Client.GetGrain<IArticleGrain>(slug).Get();
        Assert.Single(article!.Revisions);
    }

    [Fact]
    public async Task ASlugAnotherStoryHas_AnEmptySlug_AndAnEmptyBody_AreRefused_AndNothingIsPublished()
    {
        var (taken, slug) = await ApprovedStory("First story.");
        await taken.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);
        var (other, _) = await ApprovedStory("Second story.");
        await other.SetMetadata(new DraftMetadataChange(Slug: slug), _editor);
        var (unnamed, _) = await ApprovedStory("Third story.");
        await unnamed.SetMetadata(new DraftMetadataChange(Slug: ""), _editor);
        var (empty, emptySlug) = await ApprovedStory("");

        var collision = await Assert.ThrowsAsync<ArticleException>(() => other.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor));
        var noSlug = await Assert.ThrowsAsync<DraftException>(() => unnamed.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor));
        var noBody = await Assert.ThrowsAsync<ArticleException>(() => empty.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor));

        Assert.Equal($"The slug '{slug}' belongs to another story (\"Kazakhstan votes\"); choose another slug.", collision.Message);
        Assert.Equal("The slug is empty; set one under the draft's details before publishing.", noSlug.Message);
        Assert.Equal("The body is empty; a story needs one to be published.", noBody.Message);
        Assert.Equal(DraftStatus.Approved, (await other.GetWorkflow()).Status);
        Assert.Single((await cluster.Client.GetGrain<IArticleGrain>(slug).Get())!.Revisions);
        Assert.Null(await cluster.Client.GetGrain<IArticleGrain>(emptySlug).Get());
    }

    [Fact]
    public async Task APublishedStory_KeepsItsSlug()
    {
        var (draft, slug) = await ApprovedStory("A story.");
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);

        var refused = await Assert.ThrowsAsync<DraftException>(() => draft.SetMetadata(new DraftMetadataChange(Slug: slug + "-2"), _editor));

        Assert.Equal($"This story was published as '{slug}', and a published story keeps its address.", refused.Message);
    }

    [Fact]
    public async Task Withdrawing_TellsReaders_TakesTheStoryOffTheListings_AndKeepsItsVersions()
    {
        var (draft, slug) = await ApprovedStory("Unverified claims.");
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);
        await using var readers = await cluster.Listen(ChannelName.Article(slug));

        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Withdraw, "Withdrawn: the claims could not be verified."), _editor);

        var heard = await readers.WaitFor<ArticleWithdrawn>();
        Assert.Equal(("Withdrawn: the claims could not be verified.", "Eddie Editor"), (heard.Withdrawal.Note, heard.Withdrawal.By));
        var index = cluster.Client.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom);
        Assert.DoesNotContain((await index.List(null, 1, 100)).Stories, s => s.Slug == slug);
        var article = cluster.Client.GetGrain<IArticleGrain>(slug);
        await cluster.Deactivate(article);
        var reloaded = await article.Get();
        Assert.True(reloaded!.IsWithdrawn);
        Assert.Equal("Unverified claims.", (await article.GetVersion(1))!.Content.Body);
    }

    [Fact]
    public async Task AVersionLeftBehindByAPublishThatStopped_IsWrittenOver_ByTheNextPublish()
    {
        var (draft, slug) = await ApprovedStory("The meeting was on Tuesday.");
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);
        var first = (await cluster.Client.GetGrain<IArticleGrain>(slug).Get())!.Current;
        // A publish that stored its version 2 and stopped before recording it: nobody was told of that version.
        var versions = new ServiceCollection()
            .AddNewsroomArticles(_ => cluster.Storage.Blobs, _ => new TableServiceClient(cluster.Storage.Azurite.ConnectionString))
            .BuildServiceProvider()
            .GetRequiredService<Newsroom.Grains.Articles.Storage.IArticleVersionStore>();
        await versions.SaveAsync(slug, first with { Number = 2, Kind = ArticleChangeKind.Update, Note = "Never recorded." });
        await draft.Push(DraftField.Body, 1, [new("fix", ChangeSet.Of([new ChangeSpec(19, 26, "Monday")], 27).ToJson())], _editor);

        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Update, "Correction: the meeting was on Monday.", ArticleChangeKind.Correction), _editor);

        var article = (await cluster.Client.GetGrain<IArticleGrain>(slug).Get())!;
        var second = (await versions.LoadAsync(slug, 2))!;
        Assert.Equal((2, "The meeting was on Monday."), (article.Current.Number, article.Current.Content.Body));
        Assert.Equal(("Correction: the meeting was on Monday.", "The meeting was on Monday."), (second.Note, second.Content.Body));
    }

    [Fact]
    public async Task APublishRepeatedAfterItsAnswerWasLost_MakesNoSecondVersion()
    {
        var (draft, slug) = await ApprovedStory("Polls close at 8pm in Astana.");
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), _editor);
        var article = cluster.Client.GetGrain<IArticleGrain>(slug);
        var published = (await article.Get())!.Current;

        // The draft asks again with what it asked the first time, as a retried step does after its record failed.
        var again = await article.Publish(new ArticlePublication(
            published.DraftId, published.DraftBodyVersion, published.Content, ArticleChangeKind.Update, "", "eddie", null));

        Assert.Equal(1, again.Current.Number);
        Assert.Single(again.Revisions);
        Assert.Null(await article.GetVersion(2));
    }

    private async Task<(IDraftGrain Draft, string Slug)> ApprovedStory(string body)
    {
        var (id, draft) = await cluster.CreateDraft("Kazakhstan votes", _reporter);
        var slug = $"story-{id}";
        if (body.Length > 0)
        {
            await draft.Push(DraftField.Body, 0, [Append("rosa", 0, body)], _reporter);
        }

        await draft.SetMetadata(new DraftMetadataChange(Section: "World", Tags: ["kazakhstan"], Slug: slug), _reporter);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, null), _reporter);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Approve, null), _editor);
        return (draft, slug);
    }

    private static async Task<string?> Attempt(Func<Task> step)
    {
        try
        {
            await step();
            return null;
        }
        catch (DraftException e)
        {
            return e.Message;
        }
    }
}
