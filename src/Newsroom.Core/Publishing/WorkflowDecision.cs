namespace Newsroom.Core.Publishing;

/// <summary>Either the status a step leads to (with its trimmed note), or why it may not be taken.</summary>
public sealed record WorkflowDecision(bool Allowed, DraftStatus To, string Note, string? Refusal)
{
    public static WorkflowDecision Allow(DraftStatus to, string note) => new(true, to, note, null);

    public static WorkflowDecision Refuse(string reason) => new(false, default, "", reason);
}
