namespace Newsroom.Core.Notifications;

/// <summary>What a topic key (<see cref="TopicKey"/>) is about; its prefix in the key.</summary>
public enum TopicKind
{
    /// <summary><c>follow-ups:{slug}</c>: new comments on a story.</summary>
    FollowUps,

    /// <summary><c>story:{slug}</c>: updates and corrections of a story.</summary>
    Story,

    /// <summary><c>replies:{slug}:{commentId}</c>: replies to one chosen comment.</summary>
    Replies,

    /// <summary><c>section:{name}</c>: new stories in a section.</summary>
    Section,

    /// <summary><c>tag:{name}</c>: new stories on a tag.</summary>
    Tag,

    /// <summary><c>author:{name}</c>: new stories by an author (the byline).</summary>
    Author,

    /// <summary><c>draft:{id}</c>: workflow steps of one draft (staff).</summary>
    Draft,

    /// <summary><c>moderation</c>: comments waiting in the moderation queue (moderators).</summary>
    Moderation,

    /// <summary><c>my-replies</c>: replies to the person's own comments; a wish the inbox keeps, with no topic grain behind it.</summary>
    MyReplies,
}
