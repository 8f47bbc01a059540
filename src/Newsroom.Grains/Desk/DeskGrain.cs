using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

public sealed class DeskGrain : Grain, IDeskGrain
{
    /// <summary>Older bulletins drop off: a desk board is for what is happening now.</summary>
    public const int KeptBulletins = 50;

    private readonly IPersistentState<DeskState> _state;
    private readonly IDeskDraftStore _draftStore;
    private readonly LiveChannel _channel;
    private readonly TimeProvider _clock;

    // Every draft on this desk as stored, without editors; loaded at activation.
    private readonly Dictionary<string, DraftSummary> _drafts = new(StringComparer.Ordinal);

    // Who is in each draft now: presence, so memory only.
    private readonly Dictionary<string, IReadOnlyList<DraftEditorBadge>> _editors = new(StringComparer.Ordinal);

    public DeskGrain(
        [PersistentState("desk", StorageNames.Small)] IPersistentState<DeskState> state,
        IDeskDraftStore draftStore,
        IOptions<ChannelOptions> channelOptions,
        TimeProvider clock,
        ILogger<DeskGrain> logger)
    {
        _state = state;
        _draftStore = draftStore;
        _clock = clock;
        _channel = new LiveChannel(ChannelName.Desk(this.GetPrimaryKeyString()), channelOptions.Value.SubscriptionExpiry, logger);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Desks stored before drafts existed counted their version in Posted.
        _channel.ContinueFrom(Math.Max(_state.State.Version, _state.State.Posted));
        foreach (var draft in await _draftStore.LoadAsync(this.GetPrimaryKeyString(), cancellationToken))
        {
            _drafts[draft.Id] = draft;
        }
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public async Task<DeskBulletin> PostBulletin(string author, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        text = (text ?? "").Trim();
        if (text.Length is 0 or > DeskBulletin.MaxTextLength)
        {
            throw new ArgumentException(
                $"A bulletin must be 1 to {DeskBulletin.MaxTextLength} characters long; got {text.Length}.", nameof(text));
        }

        var state = _state.State;
        var bulletin = new DeskBulletin(state.Posted + 1, author, text, _clock.GetUtcNow());
        state.Recent.Add(bulletin);
        if (state.Recent.Count > KeptBulletins)
        {
            state.Recent.RemoveRange(0, state.Recent.Count - KeptBulletins);
        }

        state.Posted = bulletin.Number;
        state.Version = _channel.Version + 1;
        // Published only once stored: a browser never sees a bulletin that a restart could take back.
        await _state.WriteStateAsync();
        _channel.Publish(new DeskBulletinPosted(bulletin));
        return bulletin;
    }

    public Task<DeskSnapshot> GetBulletins() =>
        Task.FromResult(new DeskSnapshot(_channel.Version, [.. _state.State.Recent], ListDrafts()));

    public Task<DeskDrafts> GetDrafts() => Task.FromResult(new DeskDrafts(_channel.Version, ListDrafts()));

    public Task DraftCreated(DraftSummary draft) => Record(draft);

    public Task DraftChanged(DraftSummary draft) => Record(draft);

    private async Task Record(DraftSummary draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        _drafts.TryGetValue(draft.Id, out var stored);
        var kept = stored is not null && (draft.LastChangedAt is null || draft.LastChangedAt < stored.LastChangedAt)
            ? draft with { LastChangedAt = stored.LastChangedAt, LastChangedBy = stored.LastChangedBy }
            : draft;
        var storable = kept with { Editors = [] };
        var sameEditors = (_editors.GetValueOrDefault(draft.Id) ?? []).SequenceEqual(draft.Editors);
        _editors[draft.Id] = draft.Editors;
        var sameRow = SameStored(storable, stored);
        if (!sameRow)
        {
            // One row for this draft, not the whole list: a desk's drafts only ever grow.
            await _draftStore.SaveAsync(this.GetPrimaryKeyString(), storable);
            _drafts[draft.Id] = storable;
        }

        // A draft tells the desk its summary every time it loads; every desk page open need not hear it again.
        if (!sameRow || !sameEditors)
        {
            _channel.Publish(new DeskDraftChanged(kept));
        }
    }

    private static bool SameStored(DraftSummary a, DraftSummary? b) =>
        b is not null && a.Id == b.Id && a.Headline == b.Headline && a.LastChangedAt == b.LastChangedAt && a.LastChangedBy == b.LastChangedBy
        && a.Status == b.Status && a.AssignedTo == b.AssignedTo;

    private DraftSummary[] ListDrafts() =>
    [
        .. _drafts.Values
            .Select(d => d with { Editors = _editors.GetValueOrDefault(d.Id) ?? [] })
            .OrderByDescending(d => d.LastChangedAt ?? DateTimeOffset.MinValue)
            .ThenBy(d => d.Id, StringComparer.Ordinal),
    ];
}
