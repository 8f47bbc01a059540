namespace Newsroom.Core.Comments;

/// <summary>
/// The rules a comment meets before it is stored: banned words refuse it; suspect words, too many links, the same
/// text again, an author whose recent comments were mostly rejected, a guest not yet trusted, or pre-moderation
/// hold it for a moderator. Deterministic (the time is passed in) and free of storage, so the thread grain can ask
/// before posting and again on the real post and get the same answer.
/// </summary>
/// <remarks>
/// Staff comments meet the banned words only: they are signed-in newsroom people, accountable by name, whose links
/// to sources and repeated notices ("Update: …") are normal, and holding them would hide the desk's own answers.
/// </remarks>
public sealed class ModerationRules(ModerationWordList banned, ModerationWordList suspect)
{
    public static ModerationRules None { get; } = new(ModerationWordList.Empty, ModerationWordList.Empty);

    public ModerationWordList Banned { get; } = banned ?? throw new ArgumentNullException(nameof(banned));

    public ModerationWordList Suspect { get; } = suspect ?? throw new ArgumentNullException(nameof(suspect));

    /// <summary>
    /// Publish, hold or refuse <paramref name="submission"/>. A refusal wins over holds; among holds, the ones about
    /// the text come first (the writer could change those, and they tell a moderator the most), then the ones about
    /// the person, then the thread's mode.
    /// </summary>
    public ModerationDecision Decide(CommentSubmission submission, AuthorHistory history, CommentSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(settings);

        var words = ModerationText.Words(submission.Text);
        if (Banned.FindIn(words) is { } banned)
        {
            return ModerationDecision.Refuse(
                ModerationRule.BannedWord,
                $"Your comment contains “{banned}”, which is not allowed here. Please remove it and post again.");
        }

        if (submission.Author.IsStaff)
        {
            return ModerationDecision.Publish;
        }

        var holds = new List<ModerationHold>();
        if (Suspect.FindIn(words) is { } suspect)
        {
            holds.Add(new(
                ModerationRule.SuspectWord,
                $"Contains the suspect word “{suspect}”.",
                $"it contains “{suspect}”, which a moderator reviews first",
                Rephrasable: true));
        }

        if (submission.LinkCount > settings.LinksBeforeHold)
        {
            holds.Add(new(
                ModerationRule.TooManyLinks,
                $"Has {submission.LinkCount} links; more than {settings.LinksBeforeHold} are held.",
                $"it has {submission.LinkCount} links, and comments with more than {settings.LinksBeforeHold} are reviewed first",
                Rephrasable: true));
        }

        if (RepeatOf(submission.Text, history, settings, now) is { } earlier)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((now - earlier.PostedAt).TotalMinutes));
            holds.Add(new(
                ModerationRule.RepeatedText,
                $"Same text as this person's comment of {minutes} min before.",
                $"you posted the same text {minutes} min ago",
                Rephrasable: true));
        }

        holds.AddRange(PersonHolds(history, settings));
        if (settings.Mode == ModerationMode.PreModeration)
        {
            holds.Add(new(
                ModerationRule.PreModeration,
                "Comments on this story are pre-moderated.",
                "every comment on this story is reviewed before it appears",
                Rephrasable: false));
        }

        return holds.Count == 0 ? ModerationDecision.Publish : ModerationDecision.Hold(holds);
    }

    /// <summary>
    /// What <see cref="Decide"/> would do, worded for the writer before they post; stores and counts nothing, so
    /// a writer may check as often as they like.
    /// </summary>
    public ModerationPreview CheckBeforePosting(CommentSubmission submission, AuthorHistory history, CommentSettings settings, DateTimeOffset now)
    {
        var decision = Decide(submission, history, settings, now);
        switch (decision.Outcome)
        {
            case ModerationOutcome.Refuse:
                return new(decision.Outcome, decision.Reason, RephrasingHelps: true, decision);
            case ModerationOutcome.Publish:
                return new(decision.Outcome, null, RephrasingHelps: false, decision);
        }

        // Rephrasing helps only when every hold is about the text: a pre-moderated story holds whatever is written.
        var helps = decision.Holds.All(h => h.Rephrasable);
        var because = string.Join("; ", decision.Holds.Select(h => h.Advice));
        var message = helps
            ? $"Your comment will be held for a moderator before it appears: {because}. You may rephrase it before posting."
            : $"Your comment will appear once a moderator has approved it: {because}.";
        return new(decision.Outcome, message, helps, decision);
    }

    /// <summary>
    /// The form in which two comments count as "the same text" (folded words, no spacing or punctuation). A caller
    /// may keep an author's recent comments as fingerprints instead of whole texts: a fingerprint's fingerprint is itself.
    /// </summary>
    public static string TextFingerprint(string text) => ModerationText.Fingerprint(text);

    private static IEnumerable<ModerationHold> PersonHolds(AuthorHistory history, CommentSettings settings)
    {
        var decided = history.Recent
            .Where(c => c.Status is CommentStatus.Published or CommentStatus.Rejected or CommentStatus.Removed)
            .OrderByDescending(c => c.PostedAt)
            .Take(settings.RecentCommentsConsidered)
            .ToList();

        // A moderator's removal is a rejection after the fact; an author's own deletion says nothing, so it is skipped.
        var rejected = decided.Count(c => c.Status is CommentStatus.Rejected or CommentStatus.Removed);
        if (rejected >= settings.RejectionsBeforePremoderation)
        {
            yield return new(
                ModerationRule.MostlyRejected,
                $"{rejected} of this person's last {decided.Count} comments were rejected.",
                "several of your recent comments were not approved, so yours are reviewed for a while",
                Rephrasable: false);
        }

        if (history.ApprovedCount < settings.GuestApprovalsBeforeTrust)
        {
            yield return new(
                ModerationRule.GuestNotYetTrusted,
                $"New guest: {history.ApprovedCount} of {settings.GuestApprovalsBeforeTrust} comments approved so far.",
                $"a new guest's first {settings.GuestApprovalsBeforeTrust} comments are reviewed",
                Rephrasable: false);
        }
    }

    private static AuthorRecentComment? RepeatOf(string text, AuthorHistory history, CommentSettings settings, DateTimeOffset now)
    {
        var inWindow = history.Recent
            .Where(c => c.PostedAt <= now && now - c.PostedAt <= settings.RepeatWindow)
            .OrderByDescending(c => c.PostedAt)
            .ToList();
        if (inWindow.Count == 0)
        {
            return null;
        }

        var fingerprint = TextFingerprint(text);
        return fingerprint.Length == 0 ? null : inWindow.FirstOrDefault(c => TextFingerprint(c.Text) == fingerprint);
    }
}
