namespace Newsroom.Core.Publishing;

/// <summary>What someone does to move a story along (or back).</summary>
public enum WorkflowStep
{
    Submit,
    SendBack,
    Approve,
    Publish,
    Update,
    Withdraw,
    Archive,
    Restore,
}
