using Newsroom.Grains.Comments;

namespace Newsroom.Server.Comments;

/// <summary>
/// The reasons a reader picks from when reporting a comment, the ones moderators sort reports by. The page sends the
/// reason as its words, with the reader's details after a colon; the thread stores it as text, so a list changed
/// later leaves every earlier report readable.
/// </summary>
public static class CommentReportReasons
{
    public const string SomethingElse = "Something else";

    public static readonly IReadOnlyList<string> All =
    [
        "Spam or advertising",
        "Abusive, hateful or harassing",
        "Off-topic",
        "False or misleading",
        "Personal information about someone",
        SomethingElse,
    ];

    /// <summary>Room for the details within the thread's limit on a reason, after the longest reason and ": ".</summary>
    public static int MaxDetailsLength => CommentThreadGrain.MaxReasonLength - All.Max(r => r.Length) - 2;
}
