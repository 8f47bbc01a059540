using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Core.Accounts;
using Newsroom.Core.Changes;
using Newsroom.Core.Notifications;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Server.Auth;
using Newsroom.Server.Health;

namespace Newsroom.Server.Articles;

/// <summary>
/// Development only: once the host has started, the demo staff do real newsroom work, so <c>./run.sh</c> shows a
/// living newsroom at once and the desk lists it. The reporter (rosa) writes each of <see cref="DemoStories.All"/> as
/// a draft through the draft grain, as the editor page does (create, headline, standfirst and body pushed as edits,
/// details set), and submits it; the editor (eddie) approves and publishes it, and for the corrected story edits the
/// body in the draft and republishes it as a correction with its note. Of <see cref="DemoStories.OnTheDesk"/>, one
/// is left in review and one the editor assigns to the reporter. The moderator (mona) follows the moderation queue. <c>/health/ready</c> waits for it
/// (<see cref="DemoNewsroomHealthCheck"/>).
/// </summary>
/// <remarks>
/// Idempotent by construction, with no marker: a demo draft's id comes from its slug
/// (<see cref="DemoStories.DraftIdFor"/>), so every start finds what an earlier start made and carries each draft on
/// from where it stopped. Fields are written only while empty, and only before the first step; the steps already
/// taken are read from the draft's history, and the demo takes the next one only while that history is exactly its
/// own walk so far. A start after everything was made only reads; a start that stopped midway (or a retry after a
/// storage error) finishes without writing anything twice; two silos starting at once meet in the same grains,
/// which refuse a second create and a repeated step (all but the correction, an update the workflow allows again,
/// which is checked against the article's versions only). Left alone: a slug already published from another draft
/// (a story of the newsroom's own, or demo stories published before the demo wrote drafts), and a demo draft
/// someone has moved off the demo's walk (sent back, archived, updated, its body rewritten). A publication is three
/// writes, not one (the article's version, its record, the draft's history): where the article shows a publication
/// the history lacks, the demo logs it and does not publish again; a version stored but never recorded makes the
/// article grain refuse the slug's next publication, which the demo cannot mend from outside.
/// </remarks>
public sealed partial class DemoNewsroom(
    IGrainFactory grains, StaffDirectory staff, DemoNewsroomOptions options, IHostApplicationLifetime lifetime, ILogger<DemoNewsroom> logger)
    : StartupTask(lifetime, logger)
{
    // The demo's own editor "connection" and "client" while it writes: fixed, so a repeated push is recognised as one
    // already accepted rather than inserted twice.
    private const string DemoConnection = "demo-newsroom";

    private static readonly WorkflowStep[] _toPublication = [WorkflowStep.Submit, WorkflowStep.Approve, WorkflowStep.Publish];
    private static readonly WorkflowStep[] _toCorrection = [.. _toPublication, WorkflowStep.Update];
    private static readonly WorkflowStep[] _toReview = [WorkflowStep.Submit];

    private readonly DraftUser _reporter = StaffMember(staff, "rosa", "Rosa Reporter", NewsroomRoles.Reporter);
    private readonly DraftUser _editor = StaffMember(staff, "eddie", "Eddie Editor", NewsroomRoles.Editor);

    protected override string What => "Writing the demo newsroom";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // The moderator hears of every comment that waits for her; following again changes nothing.
        await grains.GetGrain<IInboxGrain>(InboxKey.Staff("mona")).Follow(TopicKey.Moderation).WaitAsync(cancellationToken);
        if (!options.WritesStories)
        {
            return;
        }

        foreach (var story in DemoStories.All)
        {
            await PublishAsync(story, cancellationToken).WaitAsync(cancellationToken);
        }

        foreach (var draft in DemoStories.OnTheDesk)
        {
            await LeaveOnTheDeskAsync(draft, cancellationToken).WaitAsync(cancellationToken);
        }

        if (await DemoConversation.WriteAsync(grains, cancellationToken).WaitAsync(cancellationToken))
        {
            LogDiscussed(DemoConversation.Slug);
        }
    }

    private async Task PublishAsync(DemoStory story, CancellationToken cancellationToken)
    {
        var id = DemoStories.DraftIdFor(story.Slug);
        var published = await grains.GetGrain<IArticleGrain>(story.Slug).Get();
        if (published is not null && published.Current.DraftId != id)
        {
            LogLeftAlone(story.Slug, "it is published from another draft");
            return;
        }

        var (draft, workflow) = await WrittenAsync(id, story.Slug, story.Content, _reporter);
        var walk = story.Correction is null ? _toPublication : _toCorrection;
        for (var i = StepsTaken(story.Slug, workflow, walk); i < walk.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var step = walk[i];
            if ((step is WorkflowStep.Publish && published is not null) || (step is WorkflowStep.Update && published is { Revisions.Count: > 1 }))
            {
                LogHalfTaken(story.Slug, step);
                return;
            }

            if (step is WorkflowStep.Update)
            {
                var correction = story.Correction!;
                if (!await EditAsync(draft, story.Slug, story.Content.Body, correction.Body))
                {
                    return;
                }

                await draft.TakeStep(new WorkflowRequest(step, correction.Note, ArticleChangeKind.Correction), _editor);
            }
            else
            {
                await draft.TakeStep(new WorkflowRequest(step, null), step is WorkflowStep.Submit ? _reporter : _editor);
            }

            if (step is WorkflowStep.Publish)
            {
                LogPublished(story.Slug);
            }
        }
    }

    private async Task LeaveOnTheDeskAsync(DemoDraft demo, CancellationToken cancellationToken)
    {
        var writer = demo.Stage is DemoDraftStage.InReview ? _reporter : _editor;
        var (draft, workflow) = await WrittenAsync(DemoStories.DraftIdFor(demo.Slug), demo.Slug, demo.Content, writer);
        cancellationToken.ThrowIfCancellationRequested();
        if (demo.Stage is DemoDraftStage.InReview)
        {
            if (StepsTaken(demo.Slug, workflow, _toReview) == 0)
            {
                await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, null), _reporter);
                LogOnTheDesk(demo.Slug, demo.Stage);
            }
        }
        else if (workflow is { AssignedTo: null, History.Count: 0 })
        {
            await draft.Assign(new DraftAssignee(_reporter.UserName, _reporter.DisplayName), _editor);
            LogOnTheDesk(demo.Slug, demo.Stage);
        }
    }

    // The draft, created if it is not there yet, with its fields written if nothing of the walk has happened yet.
    private async Task<(IDraftGrain Draft, DraftWorkflow Workflow)> WrittenAsync(string id, string slug, ArticleContent content, DraftUser writer)
    {
        var draft = grains.GetGrain<IDraftGrain>(id);
        if (!await draft.Exists())
        {
            await draft.Create(writer, content.Headline);
        }

        var workflow = await draft.GetWorkflow();
        if (workflow is { AssignedTo: null, History.Count: 0 })
        {
            var view = await draft.Open(DemoConnection, writer);
            try
            {
                await FillAsync(draft, DraftField.Headline, view.Fields.Headline, content.Headline, writer);
                await FillAsync(draft, DraftField.Standfirst, view.Fields.Standfirst, content.Standfirst, writer);
                await FillAsync(draft, DraftField.Body, view.Fields.Body, content.Body, writer);
                if (view.Metadata.Slug.Length == 0)
                {
                    await draft.SetMetadata(new DraftMetadataChange(content.Section, content.Tags, content.Byline, slug), writer);
                }
            }
            finally
            {
                await draft.Leave(DemoConnection);
            }
        }

        return (draft, workflow);
    }

    private static async Task FillAsync(IDraftGrain draft, DraftField field, DraftFieldView now, string text, DraftUser writer)
    {
        if (now.Text.Length == 0 && text.Length > 0)
        {
            await draft.Push(field, now.Version, [Edit(ChangeSet.Of(new ChangeSpec(0, Insert: text), 0))], writer);
        }
    }

    // The editor's correction as one edit of the passage that differs, as an editor would make it in the draft, so the
    // published change keeps the rest of the body's identity. False (and left alone) if someone rewrote the body.
    private async Task<bool> EditAsync(IDraftGrain draft, string slug, string from, string to)
    {
        var view = await draft.Open(DemoConnection, _editor);
        try
        {
            var body = view.Fields.Body.Text;
            if (body == Lines(to))
            {
                return true;
            }

            if (body != Lines(from))
            {
                LogLeftAlone(slug, "its body was edited");
                return false;
            }

            await draft.Push(DraftField.Body, view.Fields.Body.Version, [Edit(Difference(body, Lines(to)))], _editor);
            return true;
        }
        finally
        {
            await draft.Leave(DemoConnection);
        }
    }

    // How many steps of the walk the draft has taken, or the whole walk's length if its history went another way.
    private int StepsTaken(string slug, DraftWorkflow workflow, WorkflowStep[] walk)
    {
        var taken = workflow.History.Select(t => t.Step).ToArray();
        if (taken.Length <= walk.Length && taken.AsSpan().SequenceEqual(walk.AsSpan(0, taken.Length)))
        {
            return taken.Length;
        }

        LogLeftAlone(slug, $"its history ({string.Join(", ", taken)}) left the demo's walk");
        return walk.Length;
    }

    private static DraftUpdate Edit(ChangeSet changes) => new(DemoConnection, changes.ToJson());

    // The draft keeps line breaks as "\n" (as the editor does), whatever this source file was saved with.
    private static string Lines(string text) => text.ReplaceLineEndings("\n");

    private static ChangeSet Difference(string from, string to)
    {
        var start = 0;
        while (start < from.Length && start < to.Length && from[start] == to[start])
        {
            start++;
        }

        var end = 0;
        while (end < from.Length - start && end < to.Length - start && from[^(end + 1)] == to[^(end + 1)])
        {
            end++;
        }

        return ChangeSet.Of(new ChangeSpec(start, from.Length - end, to[start..^end]), from.Length);
    }

    // The README's demo accounts as configured; the demo still runs with its own names if the configuration differs.
    private static DraftUser StaffMember(StaffDirectory staff, string userName, string displayName, string role) =>
        staff.Find(userName) is { } account
            ? new DraftUser(account.UserName, account.DisplayName, account.Roles)
            : new DraftUser(userName, displayName, [role]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo newsroom: published '{Slug}'.")]
    private partial void LogPublished(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo newsroom: '{Slug}' is on the desk ({Stage}).")]
    private partial void LogOnTheDesk(string slug, DemoDraftStage stage);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo newsroom: readers discussed '{Slug}'.")]
    private partial void LogDiscussed(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo newsroom: left '{Slug}' alone: {Reason}.")]
    private partial void LogLeftAlone(string slug, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo newsroom: '{Slug}' shows a {Step} in its article but not in its draft's history; not repeating it.")]
    private partial void LogHalfTaken(string slug, WorkflowStep step);
}

/// <summary>Ready once the demo newsroom is written (Development only), so tests and the first reader find it.</summary>
public sealed class DemoNewsroomHealthCheck(DemoNewsroom demo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(demo.Done.IsCompleted ? HealthCheckResult.Healthy("Demo newsroom written.") : HealthCheckResult.Unhealthy("Writing the demo newsroom."));
}
