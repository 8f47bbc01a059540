using Newsroom.Core.Publishing;
using Newsroom.Grains.Articles;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // The grain is reentrant (group commit), but steps must not interleave: two editors pressing "publish" at once
    // publish once, and the second is told what the first did.
    private readonly SemaphoreSlim _stepping = new(1, 1);

    private DraftWorkflow Workflow => _record.State.Workflow ?? DraftWorkflow.New;

    public Task<DraftWorkflow> GetWorkflow()
    {
        EnsureExists();
        return Task.FromResult(Workflow);
    }

    public async Task<DraftWorkflow> TakeStep(WorkflowRequest request, DraftUser user)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        EnsureWritable();
        await _stepping.WaitAsync();
        try
        {
            var workflow = Workflow;
            var decision = EditorialWorkflow.Decide(workflow.Status, request.Step, user.RolesHeld, request.Note);
            if (!decision.Allowed)
            {
                throw new DraftException(AlreadyDone(workflow, request.Step) + decision.Refusal);
            }

            var slug = workflow.PublishedSlug;
            if (request.Step is WorkflowStep.Publish or WorkflowStep.Update)
            {
                slug = await PublishArticle(workflow, request, decision.Note, user);
            }
            else if (request.Step is WorkflowStep.Withdraw)
            {
                await GrainFactory.GetGrain<IArticleGrain>(slug!).Withdraw(decision.Note, user.DisplayName);
            }

            var transition = new DraftTransition(_clock.GetUtcNow(), user.DisplayName, request.Step, workflow.Status, decision.To, decision.Note);
            // A List, not a collection expression: the record is stored as JSON with its runtime types, and the compiler's
            // own read-only array type is not one Orleans lets storage load, so the draft would never activate again.
            var history = new List<DraftTransition>(workflow.History) { transition };
            var saved = await SaveWorkflow(workflow with { Status = decision.To, History = history, PublishedSlug = slug });
            NotifyStep(saved, user);
            return saved;
        }
        finally
        {
            _stepping.Release();
        }
    }

    public async Task<DraftWorkflow> Assign(DraftAssignee? assignee, DraftUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        EnsureWritable();
        await _stepping.WaitAsync();
        try
        {
            var previous = Workflow.AssignedTo;
            var saved = await SaveWorkflow(Workflow with { AssignedTo = assignee });
            NotifyAssigned(previous, assignee, user);
            return saved;
        }
        finally
        {
            _stepping.Release();
        }
    }

    // The story as it is durable now becomes the article's next version. The slug is the article's key, so it is
    // fixed at first publish; the body's change since the last publish is the editors' own updates composed, while
    // the window still holds them (the article falls back to a character diff otherwise).
    private async Task<string> PublishArticle(DraftWorkflow workflow, WorkflowRequest request, string note, DraftUser user)
    {
        await WhenAllDurable();
        var metadata = _durableMetadata;
        if (metadata.Slug.Length == 0)
        {
            throw new DraftException("The slug is empty; set one under the draft's details before publishing.");
        }

        if (workflow.PublishedSlug is { } published && published != metadata.Slug)
        {
            throw new DraftException(
                $"This story was published as '{published}', and a published story keeps its address; set the slug back to '{published}'.");
        }

        var body = _fields[(int)DraftField.Body];
        var content = new ArticleContent(
            _fields[(int)DraftField.Headline].Text.ToString().Trim(),
            _fields[(int)DraftField.Standfirst].Text.ToString().Trim(),
            body.Text.ToString(),
            metadata.Section,
            metadata.Tags,
            metadata.Byline.Length > 0 ? metadata.Byline : user.DisplayName);
        var change = workflow.PublishedSlug is null ? null : body.ComposeSince(_record.State.PublishedBodyVersion)?.ToJson();
        var kind = workflow.PublishedSlug is null ? ArticleChangeKind.First : request.Kind == ArticleChangeKind.Correction ? ArticleChangeKind.Correction : ArticleChangeKind.Update;
        await GrainFactory.GetGrain<IArticleGrain>(metadata.Slug).Publish(
            new ArticlePublication(Id, body.DurableVersion, content, kind, note, user.DisplayName, change, user.UserName));
        _record.State.PublishedBodyVersion = body.DurableVersion;
        return metadata.Slug;
    }

    private async Task<DraftWorkflow> SaveWorkflow(DraftWorkflow next)
    {
        var previous = _record.State.Workflow;
        _record.State.Workflow = next;
        try
        {
            await _record.WriteStateAsync();
        }
        catch
        {
            _record.State.Workflow = previous;
            throw;
        }

        _channel.Publish(new DraftWorkflowChanged(next));
        SendToDesk();
        return next;
    }

    // When the step was just taken by someone else, say so before saying what is possible now.
    private static string AlreadyDone(DraftWorkflow workflow, WorkflowStep step) =>
        workflow.History is [.., var last] && last.Step == step && step != WorkflowStep.Update
            ? $"{last.By} already did this at {last.At:HH:mm} UTC. "
            : "";
}
