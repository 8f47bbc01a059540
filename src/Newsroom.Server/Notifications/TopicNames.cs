using Newsroom.Core.Notifications;

namespace Newsroom.Server.Notifications;

/// <summary>What a followed topic key means, in plain words, for the settings page.</summary>
public static class TopicNames
{
    public static string Of(string topic)
    {
        if (!TopicKey.TryKind(topic, out var kind))
        {
            return topic;
        }

        var name = topic.Contains(':', StringComparison.Ordinal) ? topic[(topic.IndexOf(':', StringComparison.Ordinal) + 1)..] : "";
        return kind switch
        {
            TopicKind.FollowUps => $"New comments on the story “{name}”",
            TopicKind.Story => $"Updates and corrections to the story “{name}”",
            TopicKind.Replies => $"Replies to comment {name[(name.LastIndexOf(':') + 1)..]} on the story “{name[..name.LastIndexOf(':')]}”",
            TopicKind.Section => $"New stories in the section “{name}”",
            TopicKind.Tag => $"New stories tagged “{name}”",
            TopicKind.Author => $"New stories by “{name}”",
            TopicKind.Draft => $"Changes to the draft {name}",
            TopicKind.Moderation => "Comments waiting for moderation",
            TopicKind.MyReplies => "Replies to my comments",
            _ => topic,
        };
    }
}
