using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>Follows what a reader chose under a story (<see cref="ReaderChoices"/>) with their inbox.</summary>
public static class ReaderFollows
{
    /// <summary>
    /// Follows what was chosen. Following is idempotent, so a confirmation retried after a failure follows the same
    /// topics again harmlessly.
    /// </summary>
    public static async Task Follow(IInboxGrain inbox, string slug, ReaderChoices choices)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(choices);
        foreach (var topic in choices.Topics(slug))
        {
            await inbox.Follow(topic);
        }
    }
}
