using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>The topics a reader's choices under a story stand for, followed by their inbox.</summary>
public static class ReaderFollows
{
    /// <summary>The topic keys of the choices: the story's follow-up comments, replies to the reader's own comments, the story's updates.</summary>
    public static IReadOnlyList<string> Topics(string slug, bool followUps, bool replies, bool updates) =>
    [
        .. followUps ? [TopicKey.FollowUps(slug)] : Array.Empty<string>(),
        .. replies ? [TopicKey.MyReplies] : Array.Empty<string>(),
        .. updates ? [TopicKey.Story(slug)] : Array.Empty<string>(),
    ];

    /// <summary>
    /// Follows what was chosen. Following is idempotent, so a confirmation retried after a failure follows the same
    /// topics again harmlessly.
    /// </summary>
    public static async Task Follow(IInboxGrain inbox, string slug, bool followUps, bool replies, bool updates)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        foreach (var topic in Topics(slug, followUps, replies, updates))
        {
            await inbox.Follow(topic);
        }
    }
}
