using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

/// <summary>Posts comments into a thread the way the grain will: place, (store,) add.</summary>
internal static class ThreadBuilder
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 15, 0, 0, TimeSpan.Zero);

    public static CommentAuthor Guest(int n) => CommentAuthor.Guest($"guest-{n}", $"Reader {n}");

    public static Comment Post(
        this CommentThread thread,
        CommentAuthor author,
        string text = "A comment",
        long? replyTo = null,
        CommentStatus status = CommentStatus.Published,
        DateTimeOffset? at = null)
    {
        var change = thread.Place(author, text, replyTo, status, at ?? Start);
        Assert.True(change.Done, change.Refusal);
        thread.Add(change.Comment!);
        return change.Comment!;
    }

    /// <summary>A thread of <paramref name="count"/> top-level comments by different readers, a second apart.</summary>
    public static CommentThread WithTopLevel(int count)
    {
        var thread = new CommentThread();
        for (var i = 0; i < count; i++)
        {
            thread.Post(Guest(i), $"Comment {i}", at: Start.AddSeconds(i));
        }

        return thread;
    }

    /// <summary>Every page of a sort order, following the cursors to the end.</summary>
    public static List<CommentPage> AllPages(this CommentThread thread, CommentSort sort, int pageSize = CommentPageRequest.DefaultPageSize, string? viewerId = null)
    {
        var pages = new List<CommentPage>();
        string? cursor = null;
        do
        {
            Assert.True(thread.TryReadPage(new CommentPageRequest(sort, cursor, viewerId) { PageSize = pageSize }, out var page, out var error), error);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return pages;
    }
}
