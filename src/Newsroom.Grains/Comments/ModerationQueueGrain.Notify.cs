using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Topics;

namespace Newsroom.Grains.Comments;

/// <summary>
/// Moderators who follow <see cref="TopicKey.Moderation"/> hear of each comment that starts to wait (held, or reported
/// after the last decision on it): one-way, so the thread's call is not slowed. The event id carries when it began to
/// wait, so a comment reported again after a decision is news again, and a repeated call is not.
/// </summary>
public sealed partial class ModerationQueueGrain
{
    private void NotifyModerators(ModerationEntry entry)
    {
        try
        {
            var what = entry.IsPending ? "A comment waits for approval" : $"A comment was reported ({entry.ReportCount})";
            var note = new Notification(
                $"moderation:{entry.Slug}:{entry.CommentId}:{entry.Since.UtcTicks}",
                NotificationKind.CommentAwaitingModeration,
                Notification.Fit($"{what}: {entry.AuthorName}", NotificationLimits.MaxTitleLength),
                Notification.Fit(entry.Excerpt, 300),
                "/moderation",
                // The commenter is not a moderator's inbox: nobody is left out as the actor.
                new NotificationActor($"commenter:{entry.Slug}:{entry.CommentId}", Notification.Fit(entry.AuthorName, NotificationLimits.MaxActorNameLength)),
                _clock.GetUtcNow());
            GrainFactory.GetGrain<ITopicGrain>(TopicKey.Moderation).Publish(note).Ignore();
        }
        catch (NotificationFormatException e)
        {
            _logger.LogWarning(e, "Moderation queue: the notification for {Key} could not be made", entry.Key);
        }
    }
}
