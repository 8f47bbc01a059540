namespace Newsroom.Core.Comments;

/// <summary>What happens to a comment about to be posted.</summary>
public enum ModerationOutcome
{
    Publish,
    Hold,
    Refuse,
}

/// <summary>The rule behind a hold or refusal, recorded with the comment so moderators see why it is in the queue.</summary>
public enum ModerationRule
{
    None,
    BannedWord,
    SuspectWord,
    TooManyLinks,
    RepeatedText,
    MostlyRejected,
    GuestNotYetTrusted,
    PreModeration,
}

/// <summary>
/// One reason a comment is held. <see cref="Reason"/> is the moderators' record; <see cref="Advice"/> is what the
/// writer is told; <see cref="Rephrasable"/> says whether changing the text could avoid the hold.
/// </summary>
public sealed record ModerationHold(ModerationRule Rule, string Reason, string Advice, bool Rephrasable);

/// <summary>
/// The rules' verdict: publish, hold (for the first of <see cref="Holds"/>, the most specific reason, though all that
/// apply are listed), or refuse with a message for the writer. Nothing is stored by deciding.
/// </summary>
public sealed record ModerationDecision(ModerationOutcome Outcome, ModerationRule Rule, string? Reason, IReadOnlyList<ModerationHold> Holds)
{
    public static ModerationDecision Publish { get; } = new(ModerationOutcome.Publish, ModerationRule.None, null, []);

    public static ModerationDecision Hold(IReadOnlyList<ModerationHold> holds) =>
        new(ModerationOutcome.Hold, holds[0].Rule, holds[0].Reason, holds);

    public static ModerationDecision Refuse(ModerationRule rule, string reason) => new(ModerationOutcome.Refuse, rule, reason, []);

    /// <summary>The status a comment is stored with after this decision; a refused comment is not stored at all.</summary>
    public CommentStatus StatusToStore => Outcome switch
    {
        ModerationOutcome.Publish => CommentStatus.Published,
        ModerationOutcome.Hold => CommentStatus.Pending,
        _ => throw new InvalidOperationException("A refused comment is not stored."),
    };
}

/// <summary>
/// The answer to "check before posting": what would happen and a sentence for the writer, so they may rephrase a
/// comment that would be held (as the best comment systems warn before submitting) instead of finding out after.
/// </summary>
public sealed record ModerationPreview(ModerationOutcome Outcome, string? Message, bool RephrasingHelps, ModerationDecision Decision);
