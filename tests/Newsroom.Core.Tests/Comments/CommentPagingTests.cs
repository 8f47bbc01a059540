using Newsroom.Core.Comments;
using Xunit;
using static Newsroom.Core.Tests.Comments.ThreadBuilder;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentPagingTests
{
    [Fact]
    public void EmptyThread_HasAnEmptyFirstPage_AndNoNextPage()
    {
        var page = new CommentThread().FirstPage();

        Assert.Empty(page.Comments);
        Assert.Null(page.NextCursor);
        Assert.Equal(0, page.PublishedCount);
    }

    [Fact]
    public void ExactlyTwentyComments_FitOnTheFirstPage_WithNoNextPage()
    {
        var page = WithTopLevel(20).FirstPage();

        Assert.Equal(20, page.Comments.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void TwentyOneComments_LeaveOneForTheSecondPage_WhichIsTheLast()
    {
        var pages = WithTopLevel(21).AllPages(CommentSort.Newest);

        Assert.Equal([20, 1], pages.Select(p => p.Comments.Count));
        Assert.NotNull(pages[0].NextCursor);
        Assert.Null(pages[1].NextCursor);
        Assert.Equal(1, pages[1].Comments[0].Id);
    }

    [Fact]
    public void TwentyOneComments_OneRejected_FitOnOnePage()
    {
        var thread = WithTopLevel(21);
        thread.Moderate(5, CommentStatus.Rejected);

        var page = thread.FirstPage();

        Assert.Equal(20, page.Comments.Count);
        Assert.Null(page.NextCursor);
        Assert.DoesNotContain(page.Comments, c => c.Id == 5);
    }

    [Theory]
    [InlineData(CommentSort.Newest, new long[] { 3, 2, 1 })]
    [InlineData(CommentSort.Oldest, new long[] { 1, 2, 3 })]
    public void Sort_ByTime_IsByPostingOrder(CommentSort sort, long[] expected)
    {
        Assert.Equal(expected, WithTopLevel(3).FirstPage(sort).Comments.Select(c => c.Id));
    }

    [Fact]
    public void Sort_MostVoted_IsByScore_AndEqualScoresNewestFirst()
    {
        var thread = WithTopLevel(4);
        thread.Vote(1, "v1", CommentVote.Up);
        thread.Vote(1, "v2", CommentVote.Up);
        thread.Vote(2, "v1", CommentVote.Up);
        thread.Vote(3, "v1", CommentVote.Up);
        thread.Vote(4, "v1", CommentVote.Down);

        Assert.Equal([1L, 3, 2, 4], thread.FirstPage(CommentSort.MostVoted).Comments.Select(c => c.Id));
    }

    [Theory]
    [InlineData(CommentSort.Newest)]
    [InlineData(CommentSort.Oldest)]
    [InlineData(CommentSort.MostVoted)]
    public void Featured_ComeFirstInEverySort_Marked(CommentSort sort)
    {
        var thread = WithTopLevel(30);
        thread.Feature(10, true);
        thread.Feature(25, true);
        thread.Vote(7, "v1", CommentVote.Up);

        var pages = thread.AllPages(sort, pageSize: 7);
        var ids = pages.SelectMany(p => p.Comments).ToList();

        Assert.Equal(
            sort == CommentSort.Oldest ? [10L, 25] : [25L, 10],
            ids.Take(2).Select(c => c.Id));
        Assert.All(ids.Take(2), c => Assert.True(c.Featured));
        Assert.All(ids.Skip(2), c => Assert.False(c.Featured));
        Assert.Equal(30, ids.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Unfeature_PutsTheCommentBackInItsPlace()
    {
        var thread = WithTopLevel(3);
        thread.Feature(1, true);
        thread.Feature(1, false);

        Assert.Equal([3L, 2, 1], thread.FirstPage().Comments.Select(c => c.Id));
    }

    [Theory]
    [InlineData(CommentSort.Newest)]
    [InlineData(CommentSort.Oldest)]
    [InlineData(CommentSort.MostVoted)]
    public void TenThousandComments_PagedEndToEnd_EachExactlyOnce_InOrder(CommentSort sort)
    {
        var thread = WithTopLevel(10_000);
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            thread.Vote(random.Next(1, 10_001), $"voter-{random.Next(50)}", (CommentVote)random.Next(-1, 2));
        }

        for (var id = 100; id <= 10_000; id += 1_000)
        {
            thread.Feature(id, true);
        }

        var pages = thread.AllPages(sort);
        var ids = pages.SelectMany(p => p.Comments.Select(c => c.Id)).ToList();

        Assert.Equal(500, pages.Count);
        Assert.All(pages, p => Assert.Equal(20, p.Comments.Count));
        Assert.Equal(10_000, ids.Count);
        Assert.Equal(10_000, ids.Distinct().Count());
        var expected = Enumerable.Range(1, 10_000).Select(i => (long)i)
            .OrderByDescending(id => thread.Find(id)!.Featured)
            .ThenBy(id => sort switch
            {
                CommentSort.Newest => -id,
                CommentSort.Oldest => id,
                _ => -((long)thread.TallyOf(id).Score * 100_000) - id,
            });
        Assert.Equal(expected, ids);
    }

    [Fact]
    public void NewestPaging_WhileCommentsArePosted_ShowsEveryEarlierCommentOnce()
    {
        var thread = WithTopLevel(1_000);
        var seen = new List<long>();
        string? cursor = null;
        var posted = 0;
        do
        {
            Assert.True(thread.TryReadPage(new CommentPageRequest(CommentSort.Newest, cursor), out var page, out _));
            seen.AddRange(page.Comments.Select(c => c.Id));
            cursor = page.NextCursor;
            thread.Post(Guest(5_000 + posted++), "Meanwhile");
            thread.Post(Guest(6_000 + posted), "And another");
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Range(1, 1_000).Select(i => (long)i).Reverse(), seen);
    }

    [Fact]
    public void Replies_FirstThreeUnderEachComment_ThenACountAndACursor()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var replies = Enumerable.Range(0, 8).Select(i => thread.Post(Guest(10 + i), $"Reply {i}", top.Id)).ToList();

        var shown = Assert.Single(thread.FirstPage().Comments);

        Assert.Equal(replies.Take(3).Select(r => r.Id), shown.Replies.Select(r => r.Id));
        Assert.Equal(5, shown.MoreReplies);
        Assert.NotNull(shown.MoreRepliesCursor);
    }

    [Fact]
    public void Replies_PagedPerParent_EndToEnd_EachOnceOldestFirst()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var replies = Enumerable.Range(0, 47).Select(i => thread.Post(Guest(10 + i), $"Reply {i}", top.Id).Id).ToList();
        thread.Moderate(replies[20], CommentStatus.Rejected);

        var seen = thread.FirstPage().Comments[0].Replies.Select(r => r.Id).ToList();
        var cursor = thread.FirstPage().Comments[0].MoreRepliesCursor;
        while (cursor is not null)
        {
            Assert.True(thread.TryReadReplies(top.Id, cursor, null, 10, 3, out var page, out var error), error);
            seen.AddRange(page.Comments.Select(c => c.Id));
            cursor = page.NextCursor;
        }

        Assert.Equal(replies.Where(id => id != replies[20]), seen);
    }

    [Fact]
    public void Replies_ExactlyThree_HaveNoMoreRepliesLink()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        for (var i = 0; i < 3; i++)
        {
            thread.Post(Guest(10 + i), replyTo: top.Id);
        }

        var shown = thread.FirstPage().Comments[0];

        Assert.Equal(3, shown.Replies.Count);
        Assert.Equal(0, shown.MoreReplies);
        Assert.Null(shown.MoreRepliesCursor);
    }

    [Fact]
    public void Replies_NestedToTheThirdLevel_OnTheFirstPage()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var second = thread.Post(Guest(2), replyTo: top.Id);
        var third = thread.Post(Guest(3), replyTo: second.Id);

        var shown = thread.FirstPage().Comments[0];

        Assert.Equal(third.Id, shown.Replies[0].Replies[0].Id);
        Assert.Empty(shown.Replies[0].Replies[0].Replies);
    }

    [Theory]
    [InlineData("garbage", "not one this newsroom made")]
    [InlineData("n0.5", "not one this newsroom made")]
    [InlineData("n2.5.5", "not one this newsroom made")]
    [InlineData("n0.5.-5", "not one this newsroom made")]
    [InlineData("o0.5.5", "another sort order")]
    public void TryReadPage_ABadCursor_IsRefusedWithAReason(string cursor, string reason)
    {
        var thread = WithTopLevel(3);

        Assert.False(thread.TryReadPage(new CommentPageRequest(CommentSort.Newest, cursor), out var page, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Empty(page.Comments);
    }

    [Theory]
    [InlineData(CommentSort.MostVoted, "v0.99999999999.5")]
    [InlineData(CommentSort.MostVoted, "v0.-99999999999.5")]
    [InlineData(CommentSort.MostVoted, "v1.2147483647.0")]
    [InlineData(CommentSort.MostVoted, "v0.-2147483648.9223372036854775807")]
    [InlineData(CommentSort.Newest, "n1.0.0")]
    [InlineData(CommentSort.Oldest, "o0.9223372036854775807.9223372036854775807")]
    public void TryReadPage_AForgedCursor_NeverThrows_AndNeverRepeatsAComment(CommentSort sort, string cursor)
    {
        var thread = WithTopLevel(30);
        thread.Feature(3, true);
        thread.Vote(4, "v", CommentVote.Up);

        Assert.True(thread.TryReadPage(new CommentPageRequest(sort, cursor) { PageSize = 100 }, out var page, out _));
        Assert.Equal(page.Comments.Count, page.Comments.Select(c => c.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(0, 3, "Page size must be 1..100; got 0.")]
    [InlineData(101, 3, "Page size must be 1..100; got 101.")]
    [InlineData(20, 21, "Replies shown must be 0..20; got 21.")]
    public void TryReadPage_SizesOutOfRange_AreRefused(int pageSize, int repliesShown, string expected)
    {
        var request = new CommentPageRequest { PageSize = pageSize, RepliesShown = repliesShown };

        Assert.False(WithTopLevel(3).TryReadPage(request, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryReadReplies_UnknownParent_IsRefused()
    {
        Assert.False(WithTopLevel(1).TryReadReplies(99, null, null, 10, 3, out _, out var error));
        Assert.Equal("There is no comment 99 under this story.", error);
    }

    [Fact]
    public void Cursor_RoundTrips_IncludingANegativeScore()
    {
        var cursor = new CommentCursor(CommentSort.MostVoted, true, -3, 1234);

        Assert.True(CommentCursor.TryParse(cursor.ToString(), CommentSort.MostVoted, out var read, out _));
        Assert.Equal(cursor, read);
        Assert.Equal("v1.-3.1234", cursor.ToString());
    }
}
