using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Realtime;
using Newsroom.Grains.Telemetry;

namespace Newsroom.Grains.Comments;

/// <summary>
/// The comments under one story. It keeps the whole thread in memory (Core's <see cref="CommentThread"/>: pages cost
/// the page, not the thread) and is its only writer: a change is stored as one table transaction before it is answered
/// or broadcast. Core's thread applies edits, votes and decisions to memory at once; if their write fails the grain
/// loads the thread again from storage before it takes the next call, so it never keeps what is not stored.
/// </summary>
public sealed partial class CommentThreadGrain : Grain, ICommentThreadGrain
{
    private readonly ICommentStore _store;
    private readonly TimeProvider _clock;
    private readonly CommentSettings _defaults;
    private readonly ModerationRules _rules;
    private readonly LiveChannel _channel;
    private readonly ILogger<CommentThreadGrain> _logger;

    private CommentThread _thread = new();
    private ArticleRating _rating = new();
    private CommentThreadMeta _meta = CommentThreadMeta.Empty;
    private Dictionary<long, string?> _emailHashes = [];
    private Dictionary<long, InlineAnchor> _anchors = [];
    private Dictionary<long, string> _postKeys = [];
    private Dictionary<(string Author, string Key), long> _postedByKey = [];
    private List<CommentDecision> _decisions = [];
    private Dictionary<long, List<CommentReport>> _reports = [];

    public CommentThreadGrain(
        ICommentStore store, IOptions<CommentOptions> options, IOptions<ChannelOptions> channelOptions, TimeProvider clock, ILogger<CommentThreadGrain> logger)
    {
        _store = store;
        _clock = clock;
        _defaults = options.Value.ToSettings();
        _rules = options.Value.ToRules();
        _logger = logger;
        _channel = new LiveChannel(ChannelName.Comments(Slug), channelOptions.Value.SubscriptionExpiry, logger);
    }

    private string Slug => this.GetPrimaryKeyString();

    private CommentSettings Settings => _meta.Overrides.ApplyTo(_defaults);

    private IArticleGrain Article => GrainFactory.GetGrain<IArticleGrain>(Slug);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Load(cancellationToken);
        _channel.ContinueFrom(_meta.ChannelVersion);
        await CatchUpQueue();
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public async Task<PostedComment> Post(CommentPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Key is { } key && AlreadyPosted(post.Author, key) is { } again)
        {
            return again;
        }

        var (submission, anchor, preview, article) = await Prepare(post);
        var now = _clock.GetUtcNow();
        var placed = _thread.Place(submission.Author, submission.Text, post.ReplyTo, preview.Decision, now);
        var comment = placed.Comment ?? throw new CommentException(placed.Refusal!);
        var published = comment.Status == CommentStatus.Published;
        var stored = new StoredComment(comment, EmailHash(post.Author), anchor, post.Key);
        var meta = _meta with { LastId = comment.Id, ChannelVersion = _channel.Version + (published ? 1 : 0) };
        using (var span = NewsroomTracing.Source.StartActivity("comment store"))
        {
            span?.SetTag("newsroom.article.slug", Slug);
            span?.SetTag("newsroom.comment.id", comment.Id);
            // Nothing of the comment is in memory yet. A failed write (storage down, or the id taken by another
            // activation of this thread) makes the thread read itself back and answers busy; the resend, by the same
            // key, is answered with the comment if the write did land after all, or placed afresh on the next id.
            await Commit(new CommentWrite(meta) { Discussion = DiscussionOf(comment), NewComments = [stored] });
        }

        NewsroomMetrics.CommentsPosted.Add(1, new KeyValuePair<string, object?>("status", published ? "published" : "held"));
        _meta = meta;
        _thread.Add(comment);
        _emailHashes[comment.Id] = stored.EmailHash;
        if (post.Key is not null)
        {
            _postKeys[comment.Id] = post.Key;
            _postedByKey[(comment.Author.Id, post.Key)] = comment.Id;
        }
        if (anchor is not null)
        {
            _anchors[comment.Id] = anchor;
            await FollowAnchors(article);
        }

        var version = published ? _channel.Publish(new CommentPublished(Item(comment, null), _thread.PublishedCount)).Version : 0;
        FollowAsCommenter(comment);
        if (published)
        {
            NotifyVisible(comment);
        }
        else
        {
            await TellQueue(comment.Id);
        }

        return new PostedComment(Item(comment, comment.Author.Id), !published, published ? null : preview.Message, version);
    }

    public async Task<CommentPostCheck> CheckBeforePosting(CommentPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        if (post.Key is { } key && AlreadyPosted(post.Author, key) is { } again)
        {
            // A resend's check: the comment is stored already, so it is not "the same text again" as the rules would say.
            return new CommentPostCheck(again.Held ? ModerationOutcome.Hold : ModerationOutcome.Publish, null, false);
        }

        var (_, _, preview, _) = await Prepare(post);
        return new CommentPostCheck(preview.Outcome, preview.Message, preview.RephrasingHelps);
    }

    public async Task<CommentItem> Edit(long commentId, CommentWriter author, string text)
    {
        ArgumentNullException.ThrowIfNull(author);
        await RefuseBanned(author.Id, null);
        var settings = Settings;
        var body = Checked(CommentText.CheckBody(text, settings.MinLength, settings.MaxLength));
        var now = _clock.GetUtcNow();
        var before = _thread.Find(commentId);
        var wasQueued = QueueEntry(commentId) is not null;
        var writer = before?.Author ?? new CommentAuthor(author.Id, author.DisplayName, author.IsStaff);
        var decision = _rules.Decide(new CommentSubmission(writer, body, CommentLinks.Count(body)), _thread.HistoryOf(writer.Id), settings, now);
        var change = _thread.Edit(commentId, author.Id, body, decision, settings.EditWindow, now);
        var comment = change.Comment ?? throw new CommentException(change.Refusal!);
        var seen = before!.Status == CommentStatus.Published || comment.Status == CommentStatus.Published;
        await Commit(new CommentWrite(NextMeta(seen)) { Discussion = DiscussionOf(comment), Comments = [Stored(comment)] });
        if (seen)
        {
            _channel.Publish(new CommentChanged(Item(comment, null), [], _thread.PublishedCount));
        }

        if (wasQueued || QueueEntry(commentId) is not null)
        {
            await TellQueue(commentId);
        }

        return Item(comment, author.Id);
    }

    public async Task Delete(long commentId, string authorId)
    {
        var settings = Settings;
        var before = _thread.Find(commentId);
        var discussion = before is null ? (long?)null : DiscussionOf(before);
        var wasQueued = QueueEntry(commentId) is not null;
        var change = _thread.Delete(commentId, authorId, settings.EditWindow, _clock.GetUtcNow());
        if (!change.Done)
        {
            throw new CommentException(change.Refusal!);
        }

        var seen = before!.Status == CommentStatus.Published || change.Gone.Count > 1;
        var write = new CommentWrite(NextMeta(seen))
        {
            Discussion = discussion,
            Comments = change.Comment is { } kept ? [Stored(kept)] : [],
            RemovedComments = change.Gone,
        };
        await Commit(write);
        foreach (var id in change.Gone)
        {
            _emailHashes.Remove(id);
            _anchors.Remove(id);
            _postKeys.Remove(id);
        }

        if (seen)
        {
            _channel.Publish(new CommentChanged(change.Comment is { } c ? Item(c, null) : null, change.Gone, _thread.PublishedCount));
        }

        if (wasQueued)
        {
            await TellQueue(commentId);
        }
    }

    public async Task<CommentItem> Vote(long commentId, string voterId, CommentVote vote)
    {
        RequireId(voterId, "voter");
        await RefuseBanned(voterId, null);
        var change = _thread.Vote(commentId, voterId, vote);
        if (!change.Done)
        {
            throw new CommentException(change.Refusal!);
        }

        if (change.Changed)
        {
            await Commit(new CommentWrite(NextMeta(true)) { Discussion = DiscussionOf(commentId), Votes = [new StoredCommentVote(commentId, voterId, vote)] });
            _channel.Publish(new CommentVotesChanged(commentId, change.Tally.Up, change.Tally.Down));
        }

        return Item(_thread.Find(commentId)!, voterId);
    }

    public async Task<CommentRating> Rate(string readerId, int stars)
    {
        RequireId(readerId, "reader");
        await RefuseBanned(readerId, null);
        var article = await PublishedArticle();
        _ = Opening(article);
        var change = _rating.Rate(readerId, stars);
        if (!change.Done)
        {
            throw new CommentException(change.Refusal!);
        }

        if (change.Changed)
        {
            await Commit(new CommentWrite(NextMeta(true)) { Rating = new(readerId, stars) });
            _channel.Publish(new ArticleRatingChanged(CommentRating.Of(change.Summary)));
        }

        return CommentRating.Of(change.Summary, stars);
    }

    public Task<CommentRating> GetRating(string? readerId) =>
        Task.FromResult(CommentRating.Of(_rating.Summary, readerId is null ? null : _rating.StarsOf(readerId)));

    private static string? EmailHash(CommentWriter writer) =>
        writer.IsStaff || writer.Email is null
            ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CommentText.CheckGuestEmail(writer.Email).Text)));

    private static void RequireId(string? id, string who)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 128)
        {
            throw new CommentException($"The {who} id must be 1 to 128 characters.");
        }
    }

    private static string Checked(CommentTextCheck check) => check.Refusal is { } refusal ? throw new CommentException(refusal) : check.Text;

    /// <summary>The top-level comment a comment belongs under (itself, if it is one): its rows are stored with it.</summary>
    private long DiscussionOf(Comment comment)
    {
        while (comment.ParentId is { } parentId)
        {
            comment = _thread.Find(parentId) ?? throw new InvalidOperationException($"Comment {comment.Id} answers comment {parentId}, which this thread does not have.");
        }

        return comment.Id;
    }

    private long DiscussionOf(long commentId) =>
        DiscussionOf(_thread.Find(commentId) ?? throw new InvalidOperationException($"There is no comment {commentId} under this story."));

    private StoredComment Stored(Comment comment) =>
        new(comment, _emailHashes.GetValueOrDefault(comment.Id), _anchors.GetValueOrDefault(comment.Id), _postKeys.GetValueOrDefault(comment.Id));

    /// <summary>
    /// The answer already given to a post with this key by this writer, for a resend of it: the comment as it is now
    /// (a moderator may have acted on it since). Null if none, or if that comment is gone for good.
    /// </summary>
    private PostedComment? AlreadyPosted(CommentWriter writer, string key)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!CommentPost.IsValidKey(key))
        {
            throw new CommentException(
                $"A comment's key is {CommentPost.MinKeyLength} to {CommentPost.MaxKeyLength} letters, digits, '-' or '_'.");
        }

        if (!_postedByKey.TryGetValue((writer.Id, key), out var id) || _thread.Find(id) is not { } comment)
        {
            return null;
        }

        var held = comment.Status == CommentStatus.Pending;
        return new PostedComment(Item(comment, writer.Id), held, null, 0);
    }

    /// <summary>The meta row for the next write: the channel version moves only for a change that is broadcast.</summary>
    private CommentThreadMeta NextMeta(bool broadcast) =>
        _meta with { LastId = Math.Max(_meta.LastId, _thread.NextId - 1), ChannelVersion = _channel.Version + (broadcast ? 1 : 0) };

    /// <summary>
    /// Stores a change Core has already applied in memory. Should the write fail, the thread is read back from storage
    /// before the failure is passed on (as storage being busy: send it again), so the next call meets only what is stored.
    /// </summary>
    private async Task Commit(CommentWrite write)
    {
        try
        {
            await _store.WriteAsync(Slug, write);
            _meta = write.Meta;
        }
        catch (Exception failed)
        {
            _logger.LogWarning(failed, "Comments on '{Slug}': a write failed; reloading the thread from storage", Slug);
            try
            {
                await Load(CancellationToken.None);
            }
            catch (Exception reload)
            {
                _logger.LogError(reload, "Comments on '{Slug}': reload failed; deactivating", Slug);
                DeactivateOnIdle();
            }

            throw new StorageBusyException("Storage did not take the change; send it again.", failed);
        }
    }

    private async Task Load(CancellationToken cancellationToken)
    {
        var stored = await _store.LoadAsync(Slug, cancellationToken);
        _meta = stored.Meta;
        _thread = CommentThread.Load(stored.Comments.Select(c => c.Comment), stored.Votes, stored.Meta.LastId);
        _rating = ArticleRating.Load(stored.Ratings);
        _emailHashes = stored.Comments.ToDictionary(c => c.Comment.Id, c => c.EmailHash);
        _anchors = stored.Comments.Where(c => c.Anchor is not null).ToDictionary(c => c.Comment.Id, c => c.Anchor!);
        _postKeys = stored.Comments.Where(c => c.PostKey is not null).ToDictionary(c => c.Comment.Id, c => c.PostKey!);
        _postedByKey = stored.Comments.Where(c => c.PostKey is not null)
            .GroupBy(c => (c.Comment.Author.Id, c.PostKey!))
            .ToDictionary(g => g.Key, g => g.Min(c => c.Comment.Id));
        _decisions = [.. stored.Decisions];
        _reports = stored.Reports.GroupBy(r => r.CommentId).ToDictionary(g => g.Key, g => g.ToList());
        _passages.Clear();
        _followedTo = 0;
    }
}
