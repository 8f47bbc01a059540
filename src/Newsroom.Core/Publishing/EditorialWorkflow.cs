using Newsroom.Core.Accounts;

namespace Newsroom.Core.Publishing;

/// <summary>
/// The newsroom's editorial rules: which step may be taken from which status, by whom, and with what note.
/// Reporters write and submit; editors send back, approve, publish, update, withdraw, archive and restore;
/// admins do everything; moderators follow and change nothing. Every refusal names what the caller may do instead.
/// </summary>
public static class EditorialWorkflow
{
    private static readonly string[] _writers = [NewsroomRoles.Reporter, NewsroomRoles.Editor, NewsroomRoles.Admin];
    private static readonly string[] _editors = [NewsroomRoles.Editor, NewsroomRoles.Admin];

    private static readonly Dictionary<WorkflowStep, Rule> _rules = new()
    {
        [WorkflowStep.Submit] = new([DraftStatus.Draft], DraftStatus.InReview, _writers, NoteNeeded: null),
        [WorkflowStep.SendBack] = new([DraftStatus.InReview, DraftStatus.Approved], DraftStatus.Draft, _editors, "a reason for the reporter"),
        [WorkflowStep.Approve] = new([DraftStatus.InReview], DraftStatus.Approved, _editors, NoteNeeded: null),
        [WorkflowStep.Publish] = new([DraftStatus.Approved, DraftStatus.Withdrawn], DraftStatus.Published, _editors, NoteNeeded: null),
        [WorkflowStep.Update] = new([DraftStatus.Published], DraftStatus.Published, _editors, "the note readers will see"),
        [WorkflowStep.Withdraw] = new([DraftStatus.Published], DraftStatus.Withdrawn, _editors, "the note readers will see"),
        [WorkflowStep.Archive] = new([DraftStatus.Draft, DraftStatus.InReview, DraftStatus.Approved, DraftStatus.Withdrawn], DraftStatus.Archived, _editors, NoteNeeded: null),
        [WorkflowStep.Restore] = new([DraftStatus.Archived], DraftStatus.Draft, _editors, NoteNeeded: null),
    };

    /// <summary>The longest note a step may carry: a correction note is a sentence or two.</summary>
    public const int MaxNoteLength = 1_000;

    /// <summary>The status a step leads to, or the reason it may not be taken.</summary>
    public static WorkflowDecision Decide(DraftStatus status, WorkflowStep step, IReadOnlyCollection<string> roles, string? note)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!_rules.TryGetValue(step, out var rule))
        {
            return WorkflowDecision.Refuse($"'{step}' is not a step of the newsroom's workflow.");
        }

        if (!rule.Roles.Any(roles.Contains))
        {
            return WorkflowDecision.Refuse(
                $"Only {(rule.Roles.Contains(NewsroomRoles.Reporter) ? "reporters and editors" : "editors")} may {Describe(step)}. {WhatYouMayDo(status, roles)}");
        }

        if (!rule.From.Contains(status))
        {
            return WorkflowDecision.Refuse(
                $"A story that is {Describe(status)} cannot be {Participle(step)}. {WhatYouMayDo(status, roles)}");
        }

        var trimmed = note?.Trim() ?? "";
        if (rule.NoteNeeded is { } needed && trimmed.Length == 0)
        {
            return WorkflowDecision.Refuse($"To {Describe(step)}, write {needed}.");
        }

        if (trimmed.Length > MaxNoteLength)
        {
            return WorkflowDecision.Refuse($"A note may be at most {MaxNoteLength} characters long; got {trimmed.Length}.");
        }

        return WorkflowDecision.Allow(rule.To, trimmed);
    }

    /// <summary>The steps these roles may take from this status, in the order the workflow runs.</summary>
    public static IReadOnlyList<WorkflowStep> AllowedSteps(DraftStatus status, IReadOnlyCollection<string> roles) =>
        [.. _rules.Where(r => r.Value.From.Contains(status) && r.Value.Roles.Any(roles.Contains)).Select(r => r.Key)];

    /// <summary>The step in words, as in "Only editors may approve a story".</summary>
    public static string Describe(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "submit a story for review",
        WorkflowStep.SendBack => "send a story back",
        WorkflowStep.Approve => "approve a story",
        WorkflowStep.Publish => "publish a story",
        WorkflowStep.Update => "update a published story",
        WorkflowStep.Withdraw => "withdraw a story",
        WorkflowStep.Archive => "archive a story",
        _ => "restore an archived story",
    };

    public static string Describe(DraftStatus status) => status switch
    {
        DraftStatus.Draft => "a draft",
        DraftStatus.InReview => "in review",
        DraftStatus.Approved => "approved",
        DraftStatus.Published => "published",
        DraftStatus.Withdrawn => "withdrawn",
        _ => "archived",
    };

    private static string Participle(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "submitted for review",
        WorkflowStep.SendBack => "sent back",
        WorkflowStep.Approve => "approved",
        WorkflowStep.Publish => "published",
        WorkflowStep.Update => "updated",
        WorkflowStep.Withdraw => "withdrawn",
        WorkflowStep.Archive => "archived",
        _ => "restored",
    };

    private static string WhatYouMayDo(DraftStatus status, IReadOnlyCollection<string> roles)
    {
        var allowed = AllowedSteps(status, roles);
        return allowed.Count == 0
            ? $"While it is {Describe(status)}, you may not change its status."
            : $"While it is {Describe(status)}, you may: {string.Join(", ", allowed.Select(StepName))}.";
    }

    private static string StepName(WorkflowStep step) => step switch
    {
        WorkflowStep.Submit => "submit for review",
        WorkflowStep.SendBack => "send back",
        WorkflowStep.Approve => "approve",
        WorkflowStep.Publish => "publish",
        WorkflowStep.Update => "update",
        WorkflowStep.Withdraw => "withdraw",
        WorkflowStep.Archive => "archive",
        _ => "restore",
    };

    private sealed record Rule(DraftStatus[] From, DraftStatus To, string[] Roles, string? NoteNeeded);
}
