using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Changes;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Realtime;
using Orleans.Concurrency;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// The sequencer of one draft. Reentrant so that pushes arriving while a log write is in flight are
/// sequenced at once and ride the next write (group commit). Every piece of in-memory state changes
/// synchronously between awaits, so each turn sees it whole; what is accepted becomes visible (views, pulls,
/// broadcasts) only when its batch is durable.
/// </summary>
/// <remarks>
/// Existence and the creator live in table grain state (<see cref="DraftRecord"/>); texts and metadata in the
/// draft log (<see cref="IDraftLog"/>): batches, plus a snapshot every <see cref="DraftOptions.SnapshotEvery"/>
/// updates and on deactivation.
/// </remarks>
[Reentrant]
public sealed partial class DraftGrain : Grain, IDraftGrain
{
    private const string CreatorClientId = "server-create";

    private readonly IPersistentState<DraftRecord> _record;
    private readonly IDraftLogFactory _logs;
    private readonly DraftOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<DraftGrain> _logger;
    private readonly SiloDeparture _departure;
    private readonly LiveChannel _channel;
    private readonly DraftFieldSequencer[] _fields;
    private readonly DraftPresence _presence = new();
    private readonly CommitPacing _pacing;

    private IDraftLog? _log;
    private bool _ready;
    private bool _creating;
    private DraftMetadata _metadata = DraftMetadata.Empty;
    private DraftMetadata _durableMetadata = DraftMetadata.Empty;
    private DateTimeOffset? _lastChangedAt;
    private string? _lastChangedBy;

    public DraftGrain(
        [PersistentState("draft", StorageNames.Small)] IPersistentState<DraftRecord> record,
        IDraftLogFactory logs,
        IOptions<DraftOptions> options,
        IOptions<ChannelOptions> channelOptions,
        TimeProvider clock,
        IStaffAddresses staff,
        SiloDeparture departure,
        ILogger<DraftGrain> logger)
    {
        _departure = departure;
        _staff = staff;
        _record = record;
        _logs = logs;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _channel = new LiveChannel(ChannelName.Draft(Id), channelOptions.Value.SubscriptionExpiry, logger);
        _pacing = new CommitPacing(_options.CommitInterval, clock);
        _fields = [.. DraftFields.All.Select(f => new DraftFieldSequencer(f, Math.Max(1, _options.Window)))];
    }

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_record.State.Exists)
        {
            await LoadAsync(cancellationToken);

            // The desk hears of a change after it is stored, one-way: a silo that stops between the two (or a throttled
            // edit whose timer never fired) leaves the desk's row behind. Loading sets it right; an unchanged row is
            // not written again.
            TellDesk();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await WhenWritesEnd();
        if (_ready && _broken is null && _updatesSinceSnapshot > 0)
        {
            await WriteSnapshot(cancellationToken);
        }

        if (_presence.Count > 0)
        {
            _presence.Clear();
            SendToDesk();
        }
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    /// <summary>Editors catch up by each field's version (<see cref="Pull"/>); this serves listeners of the channel as a whole.</summary>
    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public async Task Create(DraftUser creator, string headline)
    {
        ArgumentNullException.ThrowIfNull(creator);
        if (_record.State.Exists || _creating)
        {
            throw new DraftException($"Draft {Id} already exists.");
        }

        var first = ChangeSet.Of(new ChangeSpec(0, Insert: headline ?? ""), 0);
        if (first.NewLength > DraftLimits.MaxInitialHeadlineLength)
        {
            throw new DraftException(
                $"The headline may be at most {DraftLimits.MaxInitialHeadlineLength} characters long; got {first.NewLength}.");
        }

        _creating = true;
        try
        {
            var now = _clock.GetUtcNow();
            _record.State = new DraftRecord { Exists = true, CreatedBy = creator.UserName, CreatedAt = now };
            await _record.WriteStateAsync();
            await LoadAsync(CancellationToken.None);
            _lastChangedAt = now;
            _lastChangedBy = creator.DisplayName;
            if (!first.IsEmpty)
            {
                await Push(DraftField.Headline, 0, [new DraftUpdate(CreatorClientId, first.ToJson())], creator);
            }

            await GrainFactory.GetGrain<IDeskGrain>(IDeskGrain.Newsroom).DraftCreated(Summary());
        }
        finally
        {
            _creating = false;
        }
    }

    public Task<bool> Exists() => Task.FromResult(_record.State.Exists);

    public Task<DraftView> Open(string connectionId, DraftUser user)
    {
        EnsureExists();
        _presence.Join(connectionId, user, _clock.GetUtcNow());
        PresenceChanged();
        return Task.FromResult(View());
    }

    public Task<DraftView> Watch()
    {
        EnsureExists();
        return Task.FromResult(View());
    }

    private DraftView View() =>
        new(
            Id,
            new DraftFieldsView(_fields[0].View(), _fields[1].View(), _fields[2].View()),
            _durableMetadata,
            _record.State.CreatedBy,
            _record.State.CreatedAt,
            [.. _presence.MostRecentlyActive(DraftLimits.MaxEditorsInView).Select(EditorNow)],
            _sequence,
            Workflow,
            _presence.Count);

    public async Task<PushResult> Push(DraftField field, int baseVersion, IReadOnlyList<DraftUpdate> updates, DraftUser user)
    {
        EnsureWritable();
        var sequencer = FieldOf(field);
        var pushed = PushedUpdates.Parse(updates);
        if (sequencer.NeedsHistoryFor(baseVersion))
        {
            await ReachBack(sequencer, baseVersion);
            EnsureWritable();
        }

        var accepted = sequencer.Accept(baseVersion, pushed);
        var version = sequencer.Version;
        if (accepted.Count == 0)
        {
            // A resend of updates already accepted, or a push too late to rebase even one (DraftLimits.MaxRebaseSteps):
            // answer with the version once everything before it is durable; the client catches up to it, which
            // confirms its updates or rebases them on its side, and sends what is still its own from there.
            await WhenAllDurable();
            return new PushResult(version);
        }

        var batch = _pending;
        for (var i = 0; i < accepted.Count; i++)
        {
            batch.AddUpdate(field, version - accepted.Count + i + 1, accepted[i].Update.ClientId, accepted[i].Json, user.DisplayName);
        }

        StartWriting();
        await batch.Durable;
        NoteTextChanged(user);
        return new PushResult(version);
    }

    public async Task<PulledUpdates> Pull(DraftField field, int fromVersion)
    {
        EnsureExists();
        var sequencer = FieldOf(field);
        if (sequencer.NeedsHistoryFor(fromVersion))
        {
            await ReachBack(sequencer, fromVersion);
        }

        return sequencer.Pull(fromVersion);
    }

    public async Task<DraftMetadata> SetMetadata(DraftMetadataChange change, DraftUser user)
    {
        EnsureWritable();
        ArgumentNullException.ThrowIfNull(change);
        if (Workflow.PublishedSlug is { } published && change.Slug is { } slug && slug.Trim() != published)
        {
            throw new DraftException($"This story was published as '{published}', and a published story keeps its address.");
        }

        _metadata = DraftMetadataRules.Apply(_metadata, change);
        var batch = _pending;
        batch.NoteMetadata(user.DisplayName);
        StartWriting();
        await batch.Durable;
        return batch.Metadata ?? _durableMetadata;
    }

    private DraftFieldSequencer FieldOf(DraftField field) =>
        (int)field >= 0 && (int)field < _fields.Length ? _fields[(int)field] : throw DraftFields.Unknown(field.ToString());

    private void EnsureExists()
    {
        if (!_ready)
        {
            throw new DraftException($"Draft {Id} does not exist.");
        }
    }

    private void EnsureWritable()
    {
        EnsureExists();
        if (_broken is not null)
        {
            throw new StorageBusyException($"Draft {Id} is reloading after a storage error; send your changes again.", _broken);
        }
    }

    private DraftSummary Summary()
    {
        var headline = DraftSummary.ListedHeadline(_fields[(int)DraftField.Headline].Text);
        return new DraftSummary(Id, headline, _lastChangedAt, _lastChangedBy, _presence.Badges, Workflow.Status, Workflow.AssignedTo?.UserName);
    }
}
