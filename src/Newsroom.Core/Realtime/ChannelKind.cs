namespace Newsroom.Core.Realtime;

/// <summary>
/// What a live channel carries events about. The vocabulary is planned here; a kind is live only once a feature
/// registers the grain that owns it (hubs refuse the others).
/// </summary>
public enum ChannelKind
{
    /// <summary><c>draft:{id}</c>: a draft's edits, details and who is in it.</summary>
    Draft,

    /// <summary><c>article:{slug}</c>: a published article's updates.</summary>
    Article,

    /// <summary><c>user:{id}</c>: one person's inbox.</summary>
    User,

    /// <summary><c>desk:{name}</c>: a desk's bulletins and drafts.</summary>
    Desk,

    /// <summary><c>comments:{slug}</c>: the comment feed under an article (its own owner, so its own channel).</summary>
    Comments,

    /// <summary><c>stories:{index}</c>: stories published, updated or withdrawn, for the front page and sections.</summary>
    Stories,

    /// <summary><c>moderation:{queue}</c>: comments held or reported across the newsroom, for moderators only.</summary>
    Moderation,
}
