using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Changes;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

/// <summary>
/// One published story. A publish stores the new version's blob first, then the story's small record, then tells
/// open readers and the story index: a reader never sees a version a restart could take back, and a failed write
/// leaves the story as it was (a version blob without a record is read by nobody, and the next publish writes over it).
/// A publish repeated after an answer was lost (the same draft version, text, kind and note as the latest version)
/// publishes nothing new, so a retried step never makes a second version.
/// </summary>
public sealed partial class ArticleGrain : Grain, IArticleGrain
{
    private readonly IPersistentState<ArticleRecord> _record;
    private readonly IArticleVersionStore _versions;
    private readonly TimeProvider _clock;
    private readonly ILogger<ArticleGrain> _logger;
    private readonly LiveChannel _channel;
    private ArticleVersion? _current;

    public ArticleGrain(
        [PersistentState("article", StorageNames.Small)] IPersistentState<ArticleRecord> record,
        IArticleVersionStore versions,
        IOptions<ChannelOptions> channelOptions,
        TimeProvider clock,
        ILogger<ArticleGrain> logger)
    {
        _record = record;
        _versions = versions;
        _clock = clock;
        _logger = logger;
        _channel = new LiveChannel(ChannelName.Article(Slug), channelOptions.Value.SubscriptionExpiry, logger);
    }

    private string Slug => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _channel.ContinueFrom(_record.State.ChannelVersion);
        if (_record.State.Exists)
        {
            _current = await _versions.LoadAsync(Slug, _record.State.Revisions.Count, cancellationToken)
                ?? throw new InvalidDataException($"Story '{Slug}': version {_record.State.Revisions.Count} is recorded but not stored.");
        }
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public Task<ArticleView?> Get() => Task.FromResult(_current is null ? null : View());

    public async Task<ArticleVersion?> GetVersion(int number) =>
        number >= 1 && number <= _record.State.Revisions.Count
            ? number == _current?.Number ? _current : await _versions.LoadAsync(Slug, number)
            : null;

    public async Task<ArticleView> Publish(ArticlePublication publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var content = publication.Content;
        if (string.IsNullOrWhiteSpace(content.Headline))
        {
            throw new ArticleException("The headline is empty; a story needs one to be published.");
        }

        if (string.IsNullOrWhiteSpace(content.Body))
        {
            throw new ArticleException("The body is empty; a story needs one to be published.");
        }

        var record = _record.State;
        if (record.Exists && record.DraftId != publication.DraftId)
        {
            throw new ArticleException(
                $"The slug '{Slug}' belongs to another story (\"{_current!.Content.Headline}\"); choose another slug.");
        }

        if (IsRepeatOfLatest(publication))
        {
            await Index();
            return View();
        }

        var now = _clock.GetUtcNow();
        var kind = record.Exists ? publication.Kind : ArticleChangeKind.First;
        var version = new ArticleVersion(
            record.Revisions.Count + 1,
            content,
            publication.DraftId,
            publication.DraftBodyVersion,
            now,
            publication.PublishedBy,
            kind,
            kind == ArticleChangeKind.First ? "" : publication.Note.Trim(),
            _current is null ? null : publication.BodyChangeJson ?? TextDiff.Between(_current.Content.Body, content.Body).ToJson());
        await SaveVersion(version);

        var revisions = new List<ArticleRevision>(record.Revisions) { new(version.Number, now, kind, version.Note) };
        await Store(new ArticleRecord { DraftId = publication.DraftId, Revisions = revisions, Withdrawal = null, ChannelVersion = _channel.Version + 1 }, () =>
        {
            _current = version;
            return new ArticleUpdated(View());
        });
        NotifyPublished(version, publication);
        await Index();
        return View();
    }

    public async Task<ArticleView> Withdraw(string note, string by)
    {
        if (_current is null)
        {
            throw new ArticleException($"Nothing is published under '{Slug}'.");
        }

        if (_record.State.Withdrawal is not null)
        {
            throw new ArticleException($"'{_current.Content.Headline}' was already withdrawn.");
        }

        var withdrawal = new ArticleWithdrawal(_clock.GetUtcNow(), by, (note ?? "").Trim());
        var state = _record.State;
        await Store(
            new ArticleRecord { DraftId = state.DraftId, Revisions = state.Revisions, Withdrawal = withdrawal, ChannelVersion = _channel.Version + 1 },
            () => new ArticleWithdrawn(withdrawal));
        await Index();
        return View();
    }

    private bool IsRepeatOfLatest(ArticlePublication publication) =>
        _current is { } latest
        && _record.State.Withdrawal is null
        && latest.DraftId == publication.DraftId
        && latest.DraftBodyVersion == publication.DraftBodyVersion
        && latest.Content.SameAs(publication.Content)
        && (latest.Number == 1 || (latest.Kind == publication.Kind && latest.Note == publication.Note.Trim()));

    private async Task SaveVersion(ArticleVersion version)
    {
        try
        {
            await _versions.SaveAsync(Slug, version);
        }
        catch (StoredVersionDiffersException)
        {
            // Left by a publish that stopped before its record was written, unless another activation has recorded it
            // meanwhile: then this one is out of date, and the next call reads the story afresh.
            await _record.ReadStateAsync();
            if (_record.State.Revisions.Count >= version.Number)
            {
                DeactivateOnIdle();
                throw new ArticleException($"'{Slug}' was published by someone else at the same moment; look at it again and retry.");
            }

            await _versions.ReplaceUnrecordedAsync(Slug, version);
        }
    }

    // The record carries the channel version of the event it announces, so a view read after a restart is current
    // at the version the next activation continues from.
    private async Task Store(ArticleRecord next, Func<NewsroomEvent> announce)
    {
        var previous = _record.State;
        _record.State = next;
        try
        {
            await _record.WriteStateAsync();
        }
        catch
        {
            _record.State = previous;
            throw;
        }

        _channel.Publish(announce());
    }

    private Task Index()
    {
        var first = _record.State.Revisions[0];
        var content = _current!.Content;
        return GrainFactory.GetGrain<IStoryIndexGrain>(IStoryIndexGrain.Newsroom).Record(new StorySummary(
            Slug, content.Headline, content.Standfirst, content.Section, content.Tags, content.Byline,
            first.At, _current.PublishedAt, _record.State.Withdrawal is not null));
    }

    private ArticleView View() => new(
        Slug,
        _current!,
        _record.State.Revisions,
        _record.State.Revisions[0].At,
        _record.State.Withdrawal,
        _record.State.ChannelVersion);
}
