using Newsroom.Core.Comments;
using Xunit;
using static Newsroom.Core.Tests.Comments.ThreadBuilder;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentQueueTests
{
    private static readonly ModerationRules _rules = new(ModerationWordList.Of(["idiot"]), ModerationWordList.Of(["fraud"]));
    private static readonly AuthorHistory _trusted = new(5, []);

    [Fact]
    public void Place_AfterARefusal_RefusesWithTheRulesMessage_AndStoresNothing()
    {
        var thread = new CommentThread();
        var decision = _rules.Decide(new(Guest(1), "idiot", 0), _trusted, CommentSettings.Defaults, Start);

        var placed = thread.Place(Guest(1), "idiot", null, decision, Start);

        Assert.False(placed.Done);
        Assert.Equal(decision.Reason, placed.Refusal);
        Assert.Equal(0, thread.Count);
    }

    [Fact]
    public void Place_AfterAHold_IsPending_WithTheRuleAndReason_AndJoinsTheQueue()
    {
        var thread = new CommentThread();
        var decision = _rules.Decide(new(Guest(1), "Fraud!", 0), _trusted, CommentSettings.Defaults, Start);

        var placed = thread.Place(Guest(1), "Fraud!", null, decision, Start);
        thread.Add(placed.Comment!);

        Assert.Equal(CommentStatus.Pending, placed.Comment!.Status);
        Assert.Equal(ModerationRule.SuspectWord, placed.Comment.HeldBy);
        Assert.Equal("Contains the suspect word “fraud”.", placed.Comment.HoldReason);
        Assert.Equal([placed.Comment.Id], thread.AwaitingModeration().Select(c => c.Id));
    }

    [Fact]
    public void Place_AfterPublish_IsPublished_AndNotQueued()
    {
        var thread = new CommentThread();

        var placed = thread.Place(Guest(1), "Fine", null, ModerationDecision.Publish, Start);
        thread.Add(placed.Comment!);

        Assert.Equal(CommentStatus.Published, placed.Comment!.Status);
        Assert.Equal(ModerationRule.None, placed.Comment.HeldBy);
        Assert.Equal(0, thread.AwaitingModerationCount);
    }

    [Fact]
    public void Queue_OldestFirst_AndLeftByApprovalRejectionOrDeletion()
    {
        var thread = new CommentThread();
        var ids = Enumerable.Range(0, 4).Select(i => thread.Post(Guest(i), status: CommentStatus.Pending).Id).ToList();

        thread.Moderate(ids[0], CommentStatus.Published);
        thread.Moderate(ids[1], CommentStatus.Rejected);
        thread.Delete(ids[2], "guest-2", TimeSpan.FromMinutes(10), Start);

        Assert.Equal([ids[3]], thread.AwaitingModeration().Select(c => c.Id));
        Assert.Equal(1, thread.AwaitingModerationCount);
    }

    [Fact]
    public void Queue_AnEditHeldByTheRules_ComesBack()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1));

        thread.Edit(comment.Id, "guest-1", "now suspect", holdForReview: true, TimeSpan.FromMinutes(10), Start);

        Assert.Equal([comment.Id], thread.AwaitingModeration().Select(c => c.Id));
    }

    [Fact]
    public void Edit_AfterTheRules_RefusedLeavesTheText_HeldRecordsWhy()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1), "Fine");
        var window = TimeSpan.FromMinutes(10);
        var banned = _rules.Decide(new(Guest(1), "idiot", 0), _trusted, CommentSettings.Defaults, Start);
        var suspect = _rules.Decide(new(Guest(1), "fraud", 0), _trusted, CommentSettings.Defaults, Start);

        var refused = thread.Edit(comment.Id, "guest-1", "idiot", banned, window, Start);
        var held = thread.Edit(comment.Id, "guest-1", "fraud", suspect, window, Start);

        Assert.Equal(banned.Reason, refused.Refusal);
        Assert.Equal((CommentStatus.Pending, ModerationRule.SuspectWord), (held.Comment!.Status, held.Comment.HeldBy));
        Assert.Equal(thread.Find(comment.Id), held.Comment);
        Assert.Equal(1, thread.AwaitingModerationCount);
    }

    [Fact]
    public void HistoryOf_CountsPublishedAsApproved_AndListsTheLatestNewestFirst()
    {
        var thread = new CommentThread();
        var first = thread.Post(Guest(1), "one", status: CommentStatus.Pending, at: Start);
        thread.Post(Guest(2), "someone else", at: Start.AddMinutes(1));
        var second = thread.Post(Guest(1), "two", status: CommentStatus.Pending, at: Start.AddMinutes(2));
        thread.Post(Guest(1), "three", status: CommentStatus.Pending, at: Start.AddMinutes(3));
        thread.Moderate(first.Id, CommentStatus.Published);
        thread.Moderate(second.Id, CommentStatus.Rejected);

        var history = thread.HistoryOf("guest-1");

        Assert.Equal(1, history.ApprovedCount);
        Assert.Equal(["three", "two", "one"], history.Recent.Select(c => c.Text));
        Assert.Equal([CommentStatus.Pending, CommentStatus.Rejected, CommentStatus.Published], history.Recent.Select(c => c.Status));
        Assert.Same(AuthorHistory.None, thread.HistoryOf("nobody"));
    }

    [Fact]
    public void HistoryOf_FeedsTheRules_SoAGuestIsTrustedAfterTwoApprovals_AndARepeatIsCaught()
    {
        var thread = new CommentThread();
        var guest = Guest(1);
        for (var i = 0; i < 2; i++)
        {
            var decision = _rules.Decide(new(guest, $"Comment {i}", 0), thread.HistoryOf(guest.Id), CommentSettings.Defaults, Start);
            Assert.Equal(ModerationRule.GuestNotYetTrusted, decision.Rule);
            var placed = thread.Place(guest, $"Comment {i}", null, decision, Start);
            thread.Add(placed.Comment!);
            thread.Moderate(placed.Comment!.Id, CommentStatus.Published);
        }

        var trusted = _rules.Decide(new(guest, "A third thought", 0), thread.HistoryOf(guest.Id), CommentSettings.Defaults, Start);
        var repeat = _rules.Decide(new(guest, "comment 1", 0), thread.HistoryOf(guest.Id), CommentSettings.Defaults, Start.AddMinutes(1));

        Assert.Equal(ModerationOutcome.Publish, trusted.Outcome);
        Assert.Equal(ModerationRule.RepeatedText, repeat.Rule);
    }

    [Fact]
    public void HistoryOf_ForgetsACommentDeletedForGood()
    {
        var thread = new CommentThread();
        var comment = thread.Post(Guest(1));

        thread.Delete(comment.Id, "guest-1", TimeSpan.FromMinutes(10), Start);

        Assert.Same(AuthorHistory.None, thread.HistoryOf("guest-1"));
    }

    [Fact]
    public void Queue_IsBoundedByMax()
    {
        var thread = new CommentThread();
        for (var i = 0; i < 5; i++)
        {
            thread.Post(Guest(i), status: CommentStatus.Pending);
        }

        Assert.Equal([1L, 2], thread.AwaitingModeration(max: 2).Select(c => c.Id));
        Assert.Equal(5, thread.AwaitingModerationCount);
    }
}
