using Newsroom.Core.Notifications;

namespace Newsroom.Server.Notifications;

/// <summary>
/// What a reader chose under a story, checked against the story: its follow-up comments, replies to their own
/// comments, its updates, and new stories in its section, by its author or on some of its tags (by the names the story
/// gives them), and the replies to one comment under it (<see cref="Comment"/>, written by <see cref="CommentAuthor"/>).
/// A confirmation link carries these; following them is following <see cref="Topics"/>.
/// </summary>
public sealed record ReaderChoices(
    bool FollowUps, bool Replies, bool Updates, string? Section, string? Author, IReadOnlyList<string> Tags, long? Comment = null, string? CommentAuthor = null)
{
    public bool IsEmpty => !FollowUps && !Replies && !Updates && Section is null && Author is null && Tags.Count == 0 && Comment is null;

    /// <summary>The topic keys of the choices, each once (a tag named like the section is still its own topic).</summary>
    public IReadOnlyList<string> Topics(string slug) =>
    [
        .. FollowUps ? [TopicKey.FollowUps(slug)] : Array.Empty<string>(),
        .. Replies ? [TopicKey.MyReplies] : Array.Empty<string>(),
        .. Updates ? [TopicKey.Story(slug)] : Array.Empty<string>(),
        .. Section is null ? Array.Empty<string>() : [TopicKey.Section(Section)],
        .. Author is null ? Array.Empty<string>() : [TopicKey.Author(Author)],
        .. Tags.Select(TopicKey.Tag).Distinct(StringComparer.Ordinal),
        .. Comment is { } id ? [TopicKey.Replies(slug, id)] : Array.Empty<string>(),
    ];

    /// <summary>The choices in the widget's words, for the confirmation email and page.</summary>
    public IReadOnlyList<string> Words =>
    [
        .. FollowUps ? ["new follow-up comments"] : Array.Empty<string>(),
        .. Replies ? ["new replies to my comments"] : Array.Empty<string>(),
        .. Updates ? ["updates to this story"] : Array.Empty<string>(),
        .. Section is null ? Array.Empty<string>() : [$"new stories in {Section}"],
        .. Author is null ? Array.Empty<string>() : [$"new stories by {Author}"],
        .. Tags.Select(t => $"new stories on {t}"),
        .. Comment is null ? Array.Empty<string>() : [CommentAuthor is { } who ? $"new replies to {who}'s comment" : "new replies to a comment"],
    ];
}
