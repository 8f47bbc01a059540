namespace Newsroom.Core.Comments;

/// <summary>When a reader's comment becomes visible to other readers.</summary>
public enum ModerationMode
{
    /// <summary>Comments appear at once; moderators act afterwards. The rules may still hold single comments.</summary>
    PostModeration,

    /// <summary>Every reader's comment waits for a moderator: for stories that draw abuse or carry legal risk.</summary>
    PreModeration,
}
