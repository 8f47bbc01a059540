using Newsroom.Core.Comments;
using Xunit;
using static Newsroom.Core.Tests.Comments.ThreadBuilder;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentThreadTests
{
    private static readonly TimeSpan _window = TimeSpan.FromMinutes(10);

    [Fact]
    public void Place_ChangesNothing_UntilTheCommentIsAdded()
    {
        var thread = new CommentThread();

        var placed = thread.Place(Guest(1), "First!", null, CommentStatus.Published, Start);

        Assert.True(placed.Done);
        Assert.Equal(1, placed.Comment!.Id);
        Assert.Equal(0, thread.Count);
        Assert.Empty(thread.FirstPage().Comments);
        thread.Add(placed.Comment);
        Assert.Equal(1, thread.PublishedCount);
        Assert.Equal(2, thread.NextId);
    }

    [Fact]
    public void Add_AnIdAlreadyGiven_OrAMissingParent_Throws()
    {
        var thread = new CommentThread();
        var first = thread.Post(Guest(1));

        Assert.Throws<InvalidOperationException>(() => thread.Add(first));
        Assert.Throws<InvalidOperationException>(() => thread.Add(new Comment(9, 7, 2, Guest(2), "x", Start, CommentStatus.Published)));
    }

    [Fact]
    public void Replies_NestToTheThirdLevel()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var second = thread.Post(Guest(2), replyTo: top.Id);
        var third = thread.Post(Guest(3), replyTo: second.Id);

        Assert.Equal((1, 2, 3), (top.Depth, second.Depth, third.Depth));
        Assert.Equal(second.Id, third.ParentId);
        Assert.Null(third.ReplyingTo);
    }

    [Fact]
    public void ReplyToAThirdLevelComment_AttachesBesideIt_NamingThePersonAnswered()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var second = thread.Post(Guest(2), replyTo: top.Id);
        var third = thread.Post(CommentAuthor.Guest("g-3", "Dana"), replyTo: second.Id);

        var deeper = thread.Post(Guest(4), "I disagree", replyTo: third.Id);
        var deeperStill = thread.Post(Guest(5), replyTo: deeper.Id);

        Assert.Equal(3, deeper.Depth);
        Assert.Equal(second.Id, deeper.ParentId);
        Assert.Equal("Dana", deeper.ReplyingTo);
        Assert.Equal(third.Id, deeper.RepliedToId);
        Assert.Equal("@Dana ", deeper.MentionPrefix);
        Assert.Equal((3, second.Id, "Reader 4"), (deeperStill.Depth, deeperStill.ParentId, deeperStill.ReplyingTo));
    }

    [Theory]
    [InlineData(CommentStatus.Pending, "waiting for a moderator")]
    [InlineData(CommentStatus.Rejected, "removed by a moderator")]
    [InlineData(CommentStatus.Removed, "removed by a moderator")]
    public void ReplyToACommentNotPublished_IsRefused_AndStoresNothing(CommentStatus status, string reason)
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1), status: CommentStatus.Pending);
        if (status != CommentStatus.Pending)
        {
            thread.Moderate(top.Id, status);
        }

        var reply = thread.Place(Guest(2), "Reply", top.Id, CommentStatus.Published, Start);

        Assert.False(reply.Done);
        Assert.Contains(reason, reply.Refusal, StringComparison.Ordinal);
        Assert.Equal(1, thread.Count);
    }

    [Fact]
    public void ReplyToAMissingComment_IsRefusedNamingIt()
    {
        var reply = new CommentThread().Place(Guest(2), "Reply", 42, CommentStatus.Published, Start);

        Assert.Equal("There is no comment 42 under this story to reply to.", reply.Refusal);
    }

    [Fact]
    public void Edit_ByTheAuthorWithinTheWindow_ChangesTheTextAndSaysEdited()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1), "Teh vote");

        var edit = thread.Edit(comment.Id, "guest-1", "The vote", holdForReview: false, _window, Start.AddMinutes(3));

        Assert.True(edit.Done);
        Assert.Equal("The vote", thread.Find(comment.Id)!.Text);
        Assert.True(thread.FirstPage().Comments[0].IsEdited);
        Assert.Equal(Start.AddMinutes(3), edit.Comment!.EditedAt);
    }

    [Fact]
    public void Edit_AtTheLastTickOfTheWindow_IsAllowed_ATickLaterIsRefusedNamingTheWindow()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1), "Text");

        var atEdge = thread.Edit(comment.Id, "guest-1", "Edge", false, _window, Start + _window);
        var late = thread.Edit(comment.Id, "guest-1", "Late", false, _window, Start + _window + TimeSpan.FromTicks(1));

        Assert.True(atEdge.Done);
        Assert.False(late.Done);
        Assert.Equal(
            "Comments can be edited or deleted for 10 minutes after posting; the window for this one closed at 15:10 UTC on 30 November 2026.",
            late.Refusal);
        Assert.Equal("Edge", thread.Find(comment.Id)!.Text);
    }

    [Fact]
    public void Edit_BySomeoneElse_IsRefused()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1), "Mine");

        var edit = thread.Edit(comment.Id, "guest-2", "Yours now", false, _window, Start);

        Assert.Equal("Only its author may edit a comment.", edit.Refusal);
        Assert.Equal("Mine", thread.Find(comment.Id)!.Text);
    }

    [Fact]
    public void Edit_HeldByTheRules_GoesBackToTheModerators()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1), "Fine");

        thread.Edit(comment.Id, "guest-1", "Now suspect", holdForReview: true, _window, Start.AddMinutes(1));

        Assert.Equal(CommentStatus.Pending, thread.Find(comment.Id)!.Status);
        Assert.Equal(0, thread.PublishedCount);
        Assert.Empty(thread.FirstPage(viewerId: "guest-2").Comments);
        Assert.Single(thread.FirstPage(viewerId: "guest-1").Comments);
    }

    [Fact]
    public void Delete_WithoutReplies_TakesTheCommentOutForGood()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1));

        var delete = thread.Delete(comment.Id, "guest-1", _window, Start.AddMinutes(1));

        Assert.True(delete.Done);
        Assert.Equal([comment.Id], delete.Gone);
        Assert.Null(thread.Find(comment.Id));
        Assert.Empty(thread.FirstPage().Comments);
        Assert.Equal(0, thread.PublishedCount);
    }

    [Fact]
    public void Delete_WithReplies_LeavesCommentDeleted_AndTheRepliesInPlace()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1), "Original");
        var reply = thread.Post(Guest(2), "Answer", top.Id);

        var delete = thread.Delete(top.Id, "guest-1", _window, Start.AddMinutes(1));

        Assert.Equal(CommentStatus.Deleted, delete.Comment!.Status);
        Assert.Equal("", delete.Comment.Text);
        var shown = Assert.Single(thread.FirstPage().Comments);
        Assert.Equal(CommentView.DeletedPlaceholder, shown.Placeholder);
        Assert.Null(shown.Text);
        Assert.Null(shown.AuthorName);
        Assert.Equal(reply.Id, Assert.Single(shown.Replies).Id);
        Assert.False(thread.Place(Guest(3), "To the deleted", top.Id, CommentStatus.Published, Start).Done);
    }

    [Fact]
    public void Delete_TheLastReplyUnderCommentDeleted_TakesThePlaceholderAwayToo()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var reply = thread.Post(Guest(2), replyTo: top.Id);
        thread.Delete(top.Id, "guest-1", _window, Start);

        var delete = thread.Delete(reply.Id, "guest-2", _window, Start);

        Assert.Equal([reply.Id, top.Id], delete.Gone);
        Assert.Equal(0, thread.Count);
        Assert.Empty(thread.FirstPage().Comments);
    }

    [Fact]
    public void Delete_AfterTheWindow_IsRefused_AndAgain_FindsNothing()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1));

        Assert.False(thread.Delete(comment.Id, "guest-1", _window, Start.AddMinutes(11)).Done);
        Assert.True(thread.Delete(comment.Id, "guest-1", _window, Start.AddMinutes(10)).Done);
        Assert.Equal("There is no comment 1 under this story to delete.", thread.Delete(comment.Id, "guest-1", _window, Start).Refusal);
    }

    [Fact]
    public void Moderate_Approve_PublishesAPendingComment_RejectHidesIt()
    {
        var thread = new CommentThread();
        var held = thread.Post(Guest(1), status: CommentStatus.Pending);
        var other = thread.Post(Guest(2), status: CommentStatus.Pending);

        thread.Moderate(held.Id, CommentStatus.Published);
        thread.Moderate(other.Id, CommentStatus.Rejected);

        Assert.Equal(1, thread.PublishedCount);
        Assert.Equal([held.Id], thread.FirstPage().Comments.Select(c => c.Id));
        Assert.Equal([held.Id], thread.FirstPage(viewerId: "guest-2").Comments.Select(c => c.Id));
    }

    [Fact]
    public void Moderate_RemovingACommentWithReplies_LeavesCommentRemoved()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        thread.Post(Guest(2), replyTo: top.Id);

        thread.Moderate(top.Id, CommentStatus.Removed);

        var shown = Assert.Single(thread.FirstPage().Comments);
        Assert.Equal(CommentView.RemovedPlaceholder, shown.Placeholder);
        Assert.Single(shown.Replies);
        Assert.False(thread.Edit(top.Id, "guest-1", "Back", false, _window, Start).Done);
    }

    [Fact]
    public void PendingComment_IsShownToItsAuthorOnly_Marked()
    {
        var thread = new CommentThread();
        thread.Post(Guest(1), "Held", status: CommentStatus.Pending);

        var own = Assert.Single(thread.FirstPage(viewerId: "guest-1").Comments);

        Assert.True(own.IsMine);
        Assert.Equal(CommentStatus.Pending, own.Status);
        Assert.Empty(thread.FirstPage(viewerId: "guest-2").Comments);
        Assert.Empty(thread.FirstPage().Comments);
    }

    [Fact]
    public void Feature_OnlyAPublishedComment()
    {
        var thread = new CommentThread();
        var held = thread.Post(Guest(1), status: CommentStatus.Pending);

        Assert.Equal("Only a published comment can be featured; approve it first.", thread.Feature(held.Id, true).Refusal);
    }

    [Fact]
    public void Load_RebuildsTheThread_AndNeverGivesADeletedCommentsIdAgain()
    {
        var thread = new CommentThread();
        var top = thread.Post(Guest(1));
        var reply = thread.Post(Guest(2), replyTo: top.Id);
        var last = thread.Post(Guest(3));
        thread.Vote(top.Id, "guest-9", CommentVote.Up);
        thread.Delete(last.Id, "guest-3", _window, Start);

        var loaded = CommentThread.Load(
            [thread.Find(reply.Id)!, thread.Find(top.Id)!],
            [new StoredCommentVote(top.Id, "guest-9", CommentVote.Up), new StoredCommentVote(last.Id, "guest-9", CommentVote.Down)],
            lastIdGiven: last.Id);

        Assert.Equal(2, loaded.Count);
        Assert.Equal(new CommentVoteTally(1, 0), loaded.TallyOf(top.Id));
        Assert.Equal(last.Id + 1, loaded.NextId);
        Assert.Equal(reply.Id, Assert.Single(loaded.FirstPage().Comments[0].Replies).Id);
    }
}
