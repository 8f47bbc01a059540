using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentModerationTests
{
    private static readonly DateTimeOffset _now = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);
    private static readonly CommentAuthor _guest = CommentAuthor.Guest("g-1", "Aigerim");
    private static readonly CommentAuthor _staff = CommentAuthor.Staff("rosa", "Rosa");
    private static readonly ModerationRules _rules = new(ModerationWordList.Of(["idiot"]), ModerationWordList.Of(["fraud"]));

    // A guest already trusted: two approved comments, nothing rejected.
    private static readonly AuthorHistory _trusted = new(2, [Recent("First thoughts", 60, CommentStatus.Published), Recent("More", 50, CommentStatus.Published)]);

    [Fact]
    public void Decide_TrustedGuestPlainComment_IsPublished()
    {
        var decision = Decide("The turnout figures look right.", _trusted);

        Assert.Equal(ModerationOutcome.Publish, decision.Outcome);
        Assert.Equal(CommentStatus.Published, decision.StatusToStore);
    }

    [Fact]
    public void Decide_BannedWord_IsRefusedWithAMessageNamingIt()
    {
        var decision = Decide("What an 1d10t.", _trusted);

        Assert.Equal(ModerationOutcome.Refuse, decision.Outcome);
        Assert.Equal(ModerationRule.BannedWord, decision.Rule);
        Assert.Contains("“idiot”", decision.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => decision.StatusToStore);
    }

    [Fact]
    public void Decide_BannedWord_RefusesStaffToo()
    {
        Assert.Equal(ModerationOutcome.Refuse, _rules.Decide(new(_staff, "idiot", 0), AuthorHistory.None, CommentSettings.Defaults, _now).Outcome);
    }

    [Fact]
    public void Decide_SuspectWord_IsHeldForReview()
    {
        var decision = Decide("This election was a FRAUD", _trusted);

        Assert.Equal(ModerationOutcome.Hold, decision.Outcome);
        Assert.Equal(ModerationRule.SuspectWord, decision.Rule);
        Assert.Equal(CommentStatus.Pending, decision.StatusToStore);
        Assert.Contains("fraud", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, ModerationOutcome.Publish)]
    [InlineData(3, ModerationOutcome.Hold)]
    public void Decide_MoreLinksThanAllowed_IsHeld_AndExactlyTheLimitIsNot(int links, ModerationOutcome expected)
    {
        var decision = _rules.Decide(new(_guest, "Sources below", links), _trusted, CommentSettings.Defaults with { LinksBeforeHold = 2 }, _now);

        Assert.Equal(expected, decision.Outcome);
        Assert.Equal(expected == ModerationOutcome.Hold ? ModerationRule.TooManyLinks : ModerationRule.None, decision.Rule);
    }

    [Fact]
    public void Decide_SameTextAgainWithinTheRepeatWindow_IsHeld_WhateverTheSpacingAndCase()
    {
        var history = _trusted with { Recent = [.. _trusted.Recent, Recent("Vote counts  are WRONG!", 4, CommentStatus.Published)] };

        var decision = Decide("vote counts are wrong", history);

        Assert.Equal(ModerationRule.RepeatedText, decision.Rule);
        Assert.Contains("4 min", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5 * 60, ModerationOutcome.Hold)]
    [InlineData((5 * 60) + 1, ModerationOutcome.Publish)]
    public void Decide_SameTextAgain_IsHeldUpToTheEndOfTheWindow_NotAfter(int secondsAgo, ModerationOutcome expected)
    {
        var history = _trusted with { Recent = [.. _trusted.Recent, new AuthorRecentComment("Vote counts are wrong", _now.AddSeconds(-secondsAgo), CommentStatus.Published)] };

        Assert.Equal(expected, Decide("Vote counts are wrong", history).Outcome);
    }

    [Fact]
    public void Decide_DifferentTextSoonAfter_IsNotARepeat()
    {
        var history = _trusted with { Recent = [.. _trusted.Recent, Recent("Vote counts are wrong", 1, CommentStatus.Published)] };

        Assert.Equal(ModerationOutcome.Publish, Decide("Vote counts are right after all", history).Outcome);
    }

    [Theory]
    [InlineData(0, ModerationOutcome.Hold)]
    [InlineData(1, ModerationOutcome.Hold)]
    [InlineData(2, ModerationOutcome.Publish)]
    public void Decide_GuestsFirstComments_ArePremoderatedUntilTwoWereApproved(int approved, ModerationOutcome expected)
    {
        var decision = Decide("Hello from Almaty", new AuthorHistory(approved, []));

        Assert.Equal(expected, decision.Outcome);
        if (expected == ModerationOutcome.Hold)
        {
            Assert.Equal(ModerationRule.GuestNotYetTrusted, decision.Rule);
        }
    }

    [Fact]
    public void Decide_GuestApprovalsSetting_IsHonoured()
    {
        var settings = CommentSettings.Defaults with { GuestApprovalsBeforeTrust = 0 };

        Assert.Equal(ModerationOutcome.Publish, _rules.Decide(new(_guest, "Hello", 0), AuthorHistory.None, settings, _now).Outcome);
    }

    [Fact]
    public void Decide_ThreeOfTheLastFiveRejected_SendsATrustedPersonBackToPremoderation()
    {
        var history = new AuthorHistory(10, [
            Recent("a", 50, CommentStatus.Rejected),
            Recent("b", 40, CommentStatus.Published),
            Recent("c", 30, CommentStatus.Removed),
            Recent("d", 20, CommentStatus.Published),
            Recent("e", 10, CommentStatus.Rejected),
        ]);

        var decision = Decide("A new comment", history);

        Assert.Equal(ModerationRule.MostlyRejected, decision.Rule);
        Assert.Contains("3 of this person's last 5", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OldRejectionsBeyondTheLastFive_DoNotCount_NorDoPendingOrDeletedOnes()
    {
        var history = new AuthorHistory(10, [
            Recent("old 1", 90, CommentStatus.Rejected),
            Recent("old 2", 80, CommentStatus.Rejected),
            Recent("old 3", 70, CommentStatus.Rejected),
            Recent("a", 50, CommentStatus.Published),
            Recent("b", 40, CommentStatus.Published),
            Recent("c", 30, CommentStatus.Published),
            Recent("d", 20, CommentStatus.Rejected),
            Recent("e", 10, CommentStatus.Rejected),
            Recent("f", 9, CommentStatus.Pending),
            Recent("g", 8, CommentStatus.Deleted),
        ]);

        Assert.Equal(ModerationOutcome.Publish, Decide("A new comment", history).Outcome);
    }

    [Fact]
    public void Decide_PreModeration_HoldsEvenATrustedGuestsPlainComment()
    {
        var settings = CommentSettings.Defaults with { Mode = ModerationMode.PreModeration };

        var decision = _rules.Decide(new(_guest, "Plain and polite", 0), _trusted, settings, _now);

        Assert.Equal(ModerationRule.PreModeration, decision.Rule);
        Assert.Equal(CommentStatus.Pending, decision.StatusToStore);
    }

    [Fact]
    public void Decide_Staff_SkipHoldsMeantForStrangers()
    {
        var settings = CommentSettings.Defaults with { Mode = ModerationMode.PreModeration };

        var decision = _rules.Decide(new(_staff, "Correction: the fraud claim is withdrawn. Sources: …", 6), AuthorHistory.None, settings, _now);

        Assert.Equal(ModerationOutcome.Publish, decision.Outcome);
    }

    [Fact]
    public void Decide_SeveralHolds_AreAllListed_TextRulesFirst()
    {
        var settings = CommentSettings.Defaults with { Mode = ModerationMode.PreModeration };

        var decision = _rules.Decide(new(_guest, "fraud", 9), AuthorHistory.None, settings, _now);

        Assert.Equal(
            [ModerationRule.SuspectWord, ModerationRule.TooManyLinks, ModerationRule.GuestNotYetTrusted, ModerationRule.PreModeration],
            decision.Holds.Select(h => h.Rule));
        Assert.Equal(ModerationRule.SuspectWord, decision.Rule);
    }

    [Fact]
    public void CheckBeforePosting_SuspectWord_TellsTheWriterWhyAndThatTheyMayRephrase()
    {
        var preview = _rules.CheckBeforePosting(new(_guest, "Sounds like fraud to me", 0), _trusted, CommentSettings.Defaults, _now);

        Assert.Equal(ModerationOutcome.Hold, preview.Outcome);
        Assert.True(preview.RephrasingHelps);
        Assert.Equal(
            "Your comment will be held for a moderator before it appears: it contains “fraud”, which a moderator reviews first. You may rephrase it before posting.",
            preview.Message);
    }

    [Fact]
    public void CheckBeforePosting_NewGuest_SaysRephrasingWillNotHelp()
    {
        var preview = _rules.CheckBeforePosting(new(_guest, "Hello", 0), AuthorHistory.None, CommentSettings.Defaults, _now);

        Assert.False(preview.RephrasingHelps);
        Assert.Equal("Your comment will appear once a moderator has approved it: a new guest's first 2 comments are reviewed.", preview.Message);
    }

    [Fact]
    public void CheckBeforePosting_CleanComment_HasNoMessage_AndBannedOneCarriesTheRefusal()
    {
        var clean = _rules.CheckBeforePosting(new(_guest, "Good piece", 0), _trusted, CommentSettings.Defaults, _now);
        var banned = _rules.CheckBeforePosting(new(_guest, "idiot", 0), _trusted, CommentSettings.Defaults, _now);

        Assert.Equal(ModerationOutcome.Publish, clean.Outcome);
        Assert.Null(clean.Message);
        Assert.Equal(ModerationOutcome.Refuse, banned.Outcome);
        Assert.Equal(banned.Decision.Reason, banned.Message);
    }

    [Fact]
    public void CheckBeforePosting_StoresNothing_SoTheRealPostGetsTheSameAnswer()
    {
        var history = _trusted with { Recent = [.. _trusted.Recent] };
        var submission = new CommentSubmission(_guest, "A fresh remark", 0);

        _rules.CheckBeforePosting(submission, history, CommentSettings.Defaults, _now);
        var decision = _rules.Decide(submission, history, CommentSettings.Defaults, _now);

        Assert.Equal(ModerationOutcome.Publish, decision.Outcome);
        Assert.Equal(2, history.Recent.Count);
    }

    [Theory]
    [InlineData("Vote counts  are WRONG!!", "vote counts are wrong")]
    [InlineData("Ïdiooot, 1d10t: s p a m", "idiooot idiot spam")]
    [InlineData("a b, c d e", "abcde")]
    [InlineData("I am a b", "i am a b")]
    public void TextFingerprint_FoldsTheText_AndAFingerprintsFingerprintIsItself(string text, string expected)
    {
        var fingerprint = ModerationRules.TextFingerprint(text);

        Assert.Equal(expected, fingerprint);
        Assert.Equal(fingerprint, ModerationRules.TextFingerprint(fingerprint));
    }

    [Fact]
    public void Decide_RecentCommentsKeptAsFingerprints_StillCatchARepeat()
    {
        var fingerprint = ModerationRules.TextFingerprint("Vote counts are WRONG!");
        var history = _trusted with { Recent = [.. _trusted.Recent, Recent(fingerprint, 2, CommentStatus.Published)] };

        Assert.Equal(ModerationRule.RepeatedText, Decide("vote counts are wrong", history).Rule);
    }

    private static ModerationDecision Decide(string text, AuthorHistory history) =>
        _rules.Decide(new CommentSubmission(_guest, text, 0), history, CommentSettings.Defaults, _now);

    private static AuthorRecentComment Recent(string text, int minutesAgo, CommentStatus status) =>
        new(text, _now.AddMinutes(-minutesAgo), status);
}
