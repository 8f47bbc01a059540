namespace Newsroom.Core.Notifications;

/// <summary>What a notification is about (issue 12's kinds). Stored by name, so members may be added but never renamed.</summary>
public enum NotificationKind
{
    /// <summary>A new comment follows others on an article the person follows.</summary>
    FollowUpComment,

    /// <summary>Someone replied to the person's comment.</summary>
    ReplyToMyComment,

    /// <summary>Someone replied to a comment the person chose to follow.</summary>
    ReplyToFollowedComment,

    /// <summary>A story the person commented on or follows was updated.</summary>
    StoryUpdated,

    /// <summary>A story the person commented on or follows was corrected.</summary>
    StoryCorrected,

    /// <summary>A new story in a section the person follows.</summary>
    NewStoryInSection,

    /// <summary>A new story on a tag the person follows.</summary>
    NewStoryOnTag,

    /// <summary>A new story by an author the person follows.</summary>
    NewStoryByAuthor,

    /// <summary>A draft the person follows or is assigned to changed status.</summary>
    DraftStatusChanged,

    /// <summary>A draft was assigned to the person.</summary>
    DraftAssigned,

    /// <summary>A draft the person follows or is assigned to was published.</summary>
    DraftPublished,

    /// <summary>Someone @mentioned the person (in a draft, later in editorial notes).</summary>
    Mentioned,

    /// <summary>A new comment on a story the person wrote.</summary>
    CommentOnMyStory,

    /// <summary>A comment waits in the moderation queue (moderators).</summary>
    CommentAwaitingModeration,
}
