using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Server.Drafts;

namespace Newsroom.Server.Comments;

/// <summary>A page of the newsroom's moderation queue with the headline of every story it names, for the queue page.</summary>
public sealed record ModerationQueueView(ModerationQueuePage Page, IReadOnlyDictionary<string, string> Headlines);

/// <summary>
/// Reads the newsroom's moderation queue for the queue page and the staff hub: its arguments as browsers name them,
/// checked (a bad one is refused with the reason, before any grain is asked), and the stories' headlines beside it.
/// </summary>
public static class ModerationQueueReading
{
    /// <summary>How many entries the queue page shows first and loads per "Load more".</summary>
    public const int PageSize = 50;

    /// <summary>The most headlines one call looks up.</summary>
    public const int MaxHeadlines = 50;

    /// <summary>What a moderator is told, per rule, about why a comment is held (the rule's own reason follows).</summary>
    public static IReadOnlyDictionary<string, string> RuleWords { get; } = new Dictionary<string, string>
    {
        [WorkflowArguments.Name(ModerationRule.SuspectWord)] = "Suspect word",
        [WorkflowArguments.Name(ModerationRule.TooManyLinks)] = "Links",
        [WorkflowArguments.Name(ModerationRule.RepeatedText)] = "Repeated text",
        [WorkflowArguments.Name(ModerationRule.BannedWord)] = "Banned word",
        [WorkflowArguments.Name(ModerationRule.MostlyRejected)] = "Mostly rejected author",
        [WorkflowArguments.Name(ModerationRule.GuestNotYetTrusted)] = "New guest",
        [WorkflowArguments.Name(ModerationRule.PreModeration)] = "Pre-moderation",
        [WorkflowArguments.Name(ModerationRule.None)] = "Held",
    };

    /// <summary>The rule's own reason without the rule's name in front ("New guest: 0 of 2 …" after "New guest").</summary>
    public static string HoldReason(ModerationRule rule, string? reason)
    {
        var prefix = RuleWords[WorkflowArguments.Name(rule)] + ":";
        return reason is null ? "" : reason.StartsWith(prefix, StringComparison.Ordinal) ? reason[prefix.Length..].TrimStart() : reason;
    }

    /// <exception cref="CommentException">Not one of the queue's filters; the message names them.</exception>
    public static ModerationQueueFilter Filter(string? name) =>
        name is null or "" ? ModerationQueueFilter.All
        : Enum.GetValues<ModerationQueueFilter>().Where(f => WorkflowArguments.Name(f) == name).Select(f => (ModerationQueueFilter?)f).FirstOrDefault()
            ?? throw new CommentException(
                $"'{(name.Length <= 40 ? name : name[..40] + "…")}' is not a part of the moderation queue; expected one of "
                + $"{string.Join(", ", Enum.GetValues<ModerationQueueFilter>().Select(WorkflowArguments.Name))}.");

    /// <exception cref="CommentException">A bad filter, size or cursor.</exception>
    public static async Task<ModerationQueueView> Read(IGrainFactory grains, string? filter, int max, string? cursor)
    {
        var which = Filter(filter);
        if (max is < 1 or > IModerationQueueGrain.MaxPageSize)
        {
            throw new CommentException($"Ask for 1 to {IModerationQueueGrain.MaxPageSize} queued comments; got {max}.");
        }

        if (cursor is { Length: > 400 })
        {
            throw new CommentException("This moderation queue cursor is not one the queue gave; start from the first page.");
        }

        var page = await grains.GetGrain<IModerationQueueGrain>(IModerationQueueGrain.Newsroom).List(which, max, cursor);
        return new ModerationQueueView(page, await Headlines(grains, page.Entries.Select(e => e.Slug)));
    }

    /// <summary>Each story's current headline; a story that was never published is left out (the page shows its slug).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> Headlines(IGrainFactory grains, IEnumerable<string> slugs)
    {
        var distinct = slugs.Distinct(StringComparer.Ordinal).ToList();
        var views = await Task.WhenAll(distinct.Select(s => grains.GetGrain<IArticleGrain>(s).Get()));
        return distinct.Zip(views)
            .Where(p => p.Second is not null)
            .ToDictionary(p => p.First, p => p.Second!.Current.Content.Headline, StringComparer.Ordinal);
    }
}
