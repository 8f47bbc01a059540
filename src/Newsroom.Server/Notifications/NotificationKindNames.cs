using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Server.Notifications;

/// <summary>Notification kinds and email deliveries in plain words, for pages and forms.</summary>
public static class NotificationKindNames
{
    public static string Of(NotificationKind kind) => kind switch
    {
        NotificationKind.FollowUpComment => "New comments on articles I follow",
        NotificationKind.ReplyToMyComment => "Replies to my comments",
        NotificationKind.ReplyToFollowedComment => "Replies to comments I follow",
        NotificationKind.StoryUpdated => "Updates to stories I follow",
        NotificationKind.StoryCorrected => "Corrections to stories I follow",
        NotificationKind.NewStoryInSection => "New stories in sections I follow",
        NotificationKind.NewStoryOnTag => "New stories on tags I follow",
        NotificationKind.NewStoryByAuthor => "New stories by authors I follow",
        NotificationKind.DraftStatusChanged => "A draft I follow or am assigned to changes status",
        NotificationKind.DraftAssigned => "A draft is assigned to me",
        NotificationKind.DraftPublished => "A draft I follow or am assigned to is published",
        NotificationKind.Mentioned => "Someone mentions me",
        NotificationKind.CommentOnMyStory => "New comments on stories I wrote",
        NotificationKind.CommentAwaitingModeration => "Comments waiting for moderation",
        _ => kind.ToString(),
    };

    public static string Of(EmailDelivery delivery) => delivery switch
    {
        EmailDelivery.Immediately => "Immediately",
        EmailDelivery.Hourly => "Hourly digest",
        EmailDelivery.Daily => "Daily digest",
        EmailDelivery.Never => "Never",
        _ => delivery.ToString(),
    };

    /// <summary>
    /// A kind or delivery by its name as forms (<c>DraftAssigned</c>) and hubs (<c>draft-assigned</c>) send it; numbers
    /// and unknown names are refused.
    /// </summary>
    public static bool TryParse<T>(string? name, out T value)
        where T : struct, Enum
    {
        value = default;
        var plain = name?.Replace("-", "", StringComparison.Ordinal);
        return !string.IsNullOrEmpty(plain) && plain.All(char.IsAsciiLetter) && Enum.TryParse(plain, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
