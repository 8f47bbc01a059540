using System.Diagnostics;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// What the draft grain has accepted since its last write began: the next group commit. Every push and
/// metadata change that lands here completes when this batch is durable, or fails with it.
/// </summary>
internal sealed class PendingBatch
{
    private readonly TaskCompletionSource _durable = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<DraftLogEntry> _entries = [];
    private readonly int?[] _fromVersions = new int?[DraftFields.All.Count];
    private readonly int[] _toVersions = new int[DraftFields.All.Count];

    private List<ActivityLink>? _callers;

    public bool IsEmpty => _entries.Count == 0 && !MetadataChanged;

    public int UpdateCount => _entries.Count;

    /// <summary>Completes when the batch is durable; faults when its write failed.</summary>
    public Task Durable => _durable.Task;

    public bool MetadataChanged { get; private set; }

    /// <summary>The metadata this batch stores (set when the write begins, if it changed), for the callers' results.</summary>
    public DraftMetadata? Metadata { get; set; }

    public string? MetadataChangedBy { get; private set; }

    /// <summary>Whoever's change came last, for the desk's "last changed by".</summary>
    public string? LastChangedBy { get; private set; }

    public void AddUpdate(DraftField field, int version, string clientId, string changesJson, string by)
    {
        var index = (int)field;
        _fromVersions[index] ??= version - 1;
        _toVersions[index] = version;
        _entries.Add(new DraftLogEntry(field, version, clientId, changesJson));
        LastChangedBy = by;
        NoteCaller();
    }

    /// <summary>
    /// The traced calls whose changes this batch carries (none unless a tracer listens): its append's span is the
    /// first one's child and links to every one, so each push's trace leads to the storage write that made it durable.
    /// </summary>
    public IReadOnlyList<ActivityLink> Callers => _callers ?? [];

    private void NoteCaller()
    {
        if (Activity.Current is { } caller && (_callers is not [.., var last] || last.Context != caller.Context))
        {
            (_callers ??= []).Add(new ActivityLink(caller.Context));
        }
    }

    public void NoteMetadata(string by)
    {
        MetadataChanged = true;
        MetadataChangedBy = by;
        LastChangedBy = by;
        NoteCaller();
    }

    /// <summary>The field's version range in this batch, or null when the batch holds none of its updates.</summary>
    public (int From, int To)? Range(DraftField field) =>
        _fromVersions[(int)field] is { } from ? (from, _toVersions[(int)field]) : null;

    public DraftLogBatch ToLogBatch(long sequence, DraftMetadata? metadata, DateTimeOffset now) =>
        new(sequence, [.. _entries], metadata, now);

    public void Complete() => _durable.TrySetResult();

    public void Fail(Exception error) => _durable.TrySetException(error);
}
