using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Comments.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Comments;

/// <summary>
/// The newsroom's moderation queue: one entry per comment held or reported under any story, a table row each
/// (<see cref="IModerationQueueStore"/>), all in memory, stored before it is answered or broadcast on
/// <c>moderation:{queue}</c>. A change costs one row, never a rewrite.
/// <para>
/// The threads are the truth; this is their index. A thread tells the queue after its own write succeeded, so a
/// failed call leaves the thread right and this queue behind. It heals because the thread, whenever it activates or
/// a call to this queue failed, sends everything that waits under its story (<see cref="Reconcile"/>), retrying on a
/// timer while it stays active. Every call says what should be, not what happened, so a repeat changes nothing.
/// </para>
/// Kept active, like the story index: moderators' pages listen to its channel, and a fresh activation would have no
/// listeners until their next renewal.
/// </summary>
[KeepAlive]
public sealed partial class ModerationQueueGrain : Grain, IModerationQueueGrain
{
    private readonly IModerationQueueStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<ModerationQueueGrain> _logger;
    private readonly LiveChannel _channel;
    private readonly Dictionary<string, ModerationEntry> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<long>> _bySlug = new(StringComparer.Ordinal);

    // Longest waiting first: (since, key), so a page is a range of this set and a change is O(log n).
    private readonly SortedSet<(DateTimeOffset Since, string Key)> _order = new(Comparer<(DateTimeOffset Since, string Key)>.Create(
        (a, b) => a.Since != b.Since ? a.Since.CompareTo(b.Since) : string.CompareOrdinal(a.Key, b.Key)));

    private int _pendingCount;
    private int _reportedCount;
    private int _heldByRuleCount;

    public ModerationQueueGrain(IModerationQueueStore store, IOptions<ChannelOptions> channelOptions, TimeProvider clock, ILogger<ModerationQueueGrain> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
        _channel = new LiveChannel(ChannelName.Moderation(this.GetPrimaryKeyString()), channelOptions.Value.SubscriptionExpiry, logger);
    }

    private string Queue => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // As the story index: the version is not stored, so each activation numbers on from the time it started, a
        // jump an open queue page takes as "reload", never a repeat.
        _channel.ContinueFrom(_clock.GetUtcNow().ToUnixTimeMilliseconds());
        foreach (var entry in await _store.LoadAsync(Queue, cancellationToken))
        {
            Keep(entry);
        }
    }

    public Task Subscribe(IChannelRelay relay) => _channel.Subscribe(relay);

    public Task Unsubscribe(IChannelRelay relay) => _channel.Unsubscribe(relay);

    public Task<ChannelCatchUp> CatchUp(long afterVersion) => _channel.CatchUp(afterVersion);

    public async Task Update(string slug, long commentId, ModerationEntry? entry, CommentDecision? decision)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        if (entry is not null && (entry.Slug != slug || entry.CommentId != commentId))
        {
            throw new ArgumentException($"The entry is for {entry.Key}, not {ModerationEntry.KeyOf(slug, commentId)}.", nameof(entry));
        }

        if (entry is null)
        {
            await Leave(slug, commentId, decision);
        }
        else
        {
            await Join(entry);
        }
    }

    public async Task Reconcile(string slug, IReadOnlyList<ModerationEntry> entries)
    {
        ArgumentException.ThrowIfNullOrEmpty(slug);
        ArgumentNullException.ThrowIfNull(entries);
        var waiting = entries.ToDictionary(e => e.CommentId);
        if (waiting.Values.Any(e => e.Slug != slug))
        {
            throw new ArgumentException($"Every entry reconciled for '{slug}' must be of that story.", nameof(entries));
        }

        foreach (var gone in _bySlug.TryGetValue(slug, out var ids) ? ids.Where(id => !waiting.ContainsKey(id)).ToList() : [])
        {
            await Leave(slug, gone, null);
        }

        foreach (var entry in waiting.Values)
        {
            await Join(entry);
        }
    }

    public Task<ModerationQueuePage> List(ModerationQueueFilter filter, int max, string? cursor)
    {
        max = Math.Clamp(max, 1, IModerationQueueGrain.MaxPageSize);
        var after = Cursor(cursor);
        var shown = new List<ModerationEntry>(max + 1);
        IEnumerable<(DateTimeOffset Since, string Key)> from = _order;
        if (after is { } start)
        {
            from = _order.Count == 0 || _order.Comparer.Compare(start, _order.Max) >= 0
                ? []
                : _order.GetViewBetween(start, _order.Max).Where(o => _order.Comparer.Compare(o, start) > 0);
        }

        foreach (var (_, key) in from)
        {
            var entry = _entries[key];
            if (entry.Matches(filter))
            {
                shown.Add(entry);
                if (shown.Count > max)
                {
                    break;
                }
            }
        }

        var next = shown.Count > max ? CursorOf(shown[max - 1]) : null;
        return Task.FromResult(new ModerationQueuePage([.. shown.Take(max)], next, _pendingCount, _reportedCount, _channel.Version, _heldByRuleCount));
    }

    private async Task Join(ModerationEntry entry)
    {
        var before = _entries.GetValueOrDefault(entry.Key);
        if (entry.SameAs(before))
        {
            return;
        }

        await _store.SaveAsync(Queue, entry);
        Forget(before);
        Keep(entry);
        _channel.Publish(new ModerationQueued(entry, _pendingCount, _reportedCount, _heldByRuleCount));
        if (before is null)
        {
            NotifyModerators(entry);
        }
    }

    private async Task Leave(string slug, long commentId, CommentDecision? decision)
    {
        if (!_entries.TryGetValue(ModerationEntry.KeyOf(slug, commentId), out var before))
        {
            return;
        }

        await _store.DeleteAsync(Queue, slug, commentId);
        Forget(before);
        _channel.Publish(new ModerationDecided(
            slug, commentId, decision?.Action, decision?.By, _pendingCount, _reportedCount, _heldByRuleCount, decision?.Reason));
    }

    private void Keep(ModerationEntry entry)
    {
        _entries[entry.Key] = entry;
        _order.Add((entry.Since, entry.Key));
        (_bySlug.TryGetValue(entry.Slug, out var ids) ? ids : _bySlug[entry.Slug] = []).Add(entry.CommentId);
        _pendingCount += entry.IsPending ? 1 : 0;
        _reportedCount += entry.IsReported ? 1 : 0;
        _heldByRuleCount += entry.IsHeldByRule ? 1 : 0;
    }

    private void Forget(ModerationEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        _entries.Remove(entry.Key);
        _order.Remove((entry.Since, entry.Key));
        if (_bySlug.TryGetValue(entry.Slug, out var ids) && ids.Remove(entry.CommentId) && ids.Count == 0)
        {
            _bySlug.Remove(entry.Slug);
        }

        _pendingCount -= entry.IsPending ? 1 : 0;
        _reportedCount -= entry.IsReported ? 1 : 0;
        _heldByRuleCount -= entry.IsHeldByRule ? 1 : 0;
    }

    private static string CursorOf(ModerationEntry entry) => $"{entry.Since.UtcTicks.ToString(CultureInfo.InvariantCulture)}~{entry.Key}";

    private static (DateTimeOffset, string)? Cursor(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var tilde = cursor.IndexOf('~', StringComparison.Ordinal);
        return tilde > 0
            && long.TryParse(cursor.AsSpan(0, tilde), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), cursor[(tilde + 1)..])
            : throw new CommentException("This moderation queue cursor is not one the queue gave; start from the first page.");
    }
}
