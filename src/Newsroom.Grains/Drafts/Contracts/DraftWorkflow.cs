using Newsroom.Core.Publishing;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

/// <summary>Where a draft stands: its status, who it is assigned to, every step taken so far, and what it published.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-workflow")]
public sealed record DraftWorkflow(
    [property: Id(0)] DraftStatus Status,
    [property: Id(1)] DraftAssignee? AssignedTo,
    [property: Id(2)] IReadOnlyList<DraftTransition> History,
    [property: Id(3)] string? PublishedSlug)
{
    public static DraftWorkflow New { get; } = new(DraftStatus.Draft, null, [], null);
}

/// <summary>One step taken: who, when, from which status to which, and the note they wrote.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-transition")]
public sealed record DraftTransition(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] WorkflowStep Step,
    [property: Id(3)] DraftStatus From,
    [property: Id(4)] DraftStatus To,
    [property: Id(5)] string Note);

/// <summary>The staff member a draft is assigned to.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-assignee")]
public sealed record DraftAssignee(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName);

/// <summary>
/// A step someone asks to take. <see cref="Kind"/> says, for <see cref="WorkflowStep.Update"/>, whether readers are
/// told of an update or a correction.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.workflow-request")]
public sealed record WorkflowRequest(
    [property: Id(0)] WorkflowStep Step,
    [property: Id(1)] string? Note,
    [property: Id(2)] ArticleChangeKind Kind = ArticleChangeKind.Update);

/// <summary>The draft's status, assignment or history changed: editors and the desk show it at once.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-workflow-changed")]
public sealed record DraftWorkflowChanged([property: Id(0)] DraftWorkflow Workflow) : NewsroomEvent;
