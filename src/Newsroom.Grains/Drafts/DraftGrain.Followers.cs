using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Drafts;

/// <summary>Who a draft tells besides its assignee: its writers of a comment on their story.</summary>
public sealed partial class DraftGrain
{
    public Task TellWriters(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (_record.State.Exists)
        {
            foreach (var writer in Writers())
            {
                Notify(writer, () => notification);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The creator and the assignee (user names, once each): the staff a story belongs to.</summary>
    private IEnumerable<string> Writers() =>
        new[] { _record.State.CreatedBy, Workflow.AssignedTo?.UserName }
            .OfType<string>()
            .Where(name => name.Length > 0)
            .Select(name => name.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal);
}
