using Newsroom.Core.Comments;
using Xunit;
using static Newsroom.Core.Tests.Comments.ThreadBuilder;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentVoteTests
{
    [Fact]
    public void Vote_OnePerPersonPerComment_AgainChangesNothing()
    {
        var thread = WithTopLevel(1);

        var first = thread.Vote(1, "voter", CommentVote.Up);
        var again = thread.Vote(1, "voter", CommentVote.Up);

        Assert.True(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal(new CommentVoteTally(1, 0), again.Tally);
    }

    [Fact]
    public void Vote_Changed_MovesTheVoteFromUpToDown()
    {
        var thread = WithTopLevel(1);
        thread.Vote(1, "voter", CommentVote.Up);

        var change = thread.Vote(1, "voter", CommentVote.Down);

        Assert.Equal((CommentVote.Up, CommentVote.Down), (change.Previous, change.Current));
        Assert.Equal(new CommentVoteTally(0, 1), change.Tally);
        Assert.Equal(-1, change.Tally.Score);
        Assert.Equal(CommentVote.Down, thread.VoteOf(1, "voter"));
    }

    [Fact]
    public void Vote_None_TakesTheVoteBack()
    {
        var thread = WithTopLevel(1);
        thread.Vote(1, "voter", CommentVote.Down);

        var change = thread.Vote(1, "voter", CommentVote.None);

        Assert.True(change.Changed);
        Assert.Equal(default, change.Tally);
        Assert.Equal(CommentVote.None, thread.VoteOf(1, "voter"));
    }

    [Fact]
    public void Vote_ManyPeople_AreCountedSeparately_AndShownOnThePage()
    {
        var thread = WithTopLevel(1);
        thread.Vote(1, "a", CommentVote.Up);
        thread.Vote(1, "b", CommentVote.Up);
        thread.Vote(1, "c", CommentVote.Down);

        Assert.Equal(new CommentVoteTally(2, 1), thread.FirstPage().Comments[0].Votes);
    }

    [Fact]
    public void Vote_ChangingAScore_MovesTheCommentInMostVoted()
    {
        var thread = WithTopLevel(2);
        thread.Vote(1, "a", CommentVote.Up);
        Assert.Equal([1L, 2], thread.FirstPage(CommentSort.MostVoted).Comments.Select(c => c.Id));

        thread.Vote(1, "a", CommentVote.None);

        Assert.Equal([2L, 1], thread.FirstPage(CommentSort.MostVoted).Comments.Select(c => c.Id));
    }

    [Fact]
    public void Vote_OnYourOwnComment_IsRefused()
    {
        var thread = WithTopLevel(1);

        var change = thread.Vote(1, "guest-0", CommentVote.Up);

        Assert.Equal("You cannot vote on your own comment.", change.Refusal);
        Assert.Equal(default, thread.TallyOf(1));
    }

    [Fact]
    public void Vote_OnAMissingOrPendingComment_IsRefused()
    {
        var thread = new CommentThread();
        thread.Post(Guest(1), status: CommentStatus.Pending);

        Assert.False(thread.Vote(1, "voter", CommentVote.Up).Done);
        Assert.Equal("There is no published comment 9 under this story to vote on.", thread.Vote(9, "voter", CommentVote.Up).Refusal);
    }

    [Fact]
    public void Vote_NotUpDownOrNone_IsRefused()
    {
        var change = WithTopLevel(1).Vote(1, "voter", (CommentVote)2);

        Assert.Equal("A vote is up (1), down (-1) or none (0); got 2.", change.Refusal);
    }
}
