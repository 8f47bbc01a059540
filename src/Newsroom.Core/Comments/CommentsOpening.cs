using System.Globalization;

namespace Newsroom.Core.Comments;

/// <summary>Whether a thread takes new comments, until when, and otherwise the sentence readers see.</summary>
public sealed record CommentsOpening(bool IsOpen, DateTimeOffset? ClosesAt, DateTimeOffset? ClosedAt, string? Reason)
{
    public static CommentsOpening OpenForGood { get; } = new(true, null, null, null);

    public static CommentsOpening OpenUntil(DateTimeOffset closesAt) => new(true, closesAt, null, null);

    public static CommentsOpening Closed(string reason, DateTimeOffset? closedAt) => new(false, null, closedAt, reason);

    /// <summary>A day as readers read it ("30 November 2026", UTC), the same on every server whatever its culture.</summary>
    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
