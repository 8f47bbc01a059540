using Newsroom.Core.Changes;
using Newsroom.Core.Collab;
using Newsroom.Core.Documents;
using Newsroom.Grains.Drafts.Storage;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// One field's place in the collab protocol: its durable text, the version counts, and the window of recent
/// updates that late pushes are rebased over. Not thread-safe: the draft grain's turns own it.
/// </summary>
/// <remarks>
/// Accepted and durable are kept apart. An accepted update has its place in the order and later pushes are
/// rebased over it, but it is in the text, in pulls and in views only once its batch is durable, so nobody
/// ever sees an update that a crash could take back.
/// </remarks>
internal sealed class DraftFieldSequencer(DraftField field, int window)
{
    // _updates[i] takes the document from version _windowStart + i to _windowStart + i + 1, and _json[i] is
    // its change set's JSON, kept so pulls and broadcasts do not serialize it again. The first
    // DurableVersion - _windowStart of them are durable; the rest wait for their batch.
    private readonly List<CollabUpdate> _updates = [];
    private readonly List<string> _json = [];
    private DraftText _text = new();
    private int _windowStart;
    private int _windowStartLength;

    public DraftField Field { get; } = field;

    /// <summary>Updates accepted so far, durable or not: the version the next accepted update starts from.</summary>
    public int Version => _windowStart + _updates.Count;

    public int DurableVersion { get; private set; }

    /// <summary>The oldest version pushes may be based on and pulls may start from.</summary>
    public int WindowStart => _windowStart;

    /// <summary>The durable text (at <see cref="DurableVersion"/>).</summary>
    public DraftText Text => _text;

    /// <summary>The document length once every accepted update applies.</summary>
    public int Length => LengthAt(Version);

    public void Restore(int version, string text)
    {
        _updates.Clear();
        _json.Clear();
        _text = new DraftText(text);
        _windowStart = DurableVersion = version;
        _windowStartLength = text.Length;
    }

    /// <summary>Replays one logged update while loading.</summary>
    /// <exception cref="InvalidOperationException">The log does not continue this field's history.</exception>
    public void Replay(DraftLogEntry entry)
    {
        if (entry.Version != Version + 1)
        {
            throw new InvalidOperationException(
                $"The log holds {DraftFields.Name(Field)} version {entry.Version} after version {Version}.");
        }

        var changes = ChangeSet.FromJson(entry.ChangesJson);
        if (changes.Length != Length)
        {
            throw new InvalidOperationException(
                $"Logged {DraftFields.Name(Field)} update {entry.Version} applies to length {changes.Length}, but the text has {Length}.");
        }

        Append(new CollabUpdate(changes, entry.ClientId), entry.ChangesJson);
        MakeDurable(Version);
    }

    /// <summary>
    /// Whether <paramref name="version"/> is within the last window of updates but older than what is in memory:
    /// after a reactivation the window starts at the snapshot, and the updates before it are in the log.
    /// </summary>
    public bool NeedsHistoryFor(int version) =>
        version >= 0 && version < _windowStart && version >= DurableVersion - window;

    /// <summary>
    /// Puts this field's updates from earlier batches, read back from the log, in front of the window: in version
    /// order, the last one ending at the window's start. Returns false and changes nothing when they no longer
    /// reach it: the window was trimmed while they were read, so it already holds enough without them.
    /// </summary>
    /// <exception cref="InvalidOperationException">They do not continue into this field's history.</exception>
    public bool Prepend(IReadOnlyList<DraftLogEntry> earlier)
    {
        if (earlier.Count == 0 || earlier[^1].Version < _windowStart)
        {
            return false;
        }

        var name = DraftFields.Name(Field);
        var first = earlier[0].Version;
        if (earlier[^1].Version != _windowStart || first + earlier.Count - 1 != _windowStart)
        {
            throw new InvalidOperationException(
                $"The log's earlier {name} updates run from version {first} to {earlier[^1].Version}, but the window starts at version {_windowStart}.");
        }

        var updates = new CollabUpdate[earlier.Count];
        var length = _windowStartLength;
        for (var i = earlier.Count - 1; i >= 0; i--)
        {
            var changes = ChangeSet.FromJson(earlier[i].ChangesJson);
            if (changes.NewLength != length)
            {
                throw new InvalidOperationException(
                    $"Logged {name} update {earlier[i].Version} leaves length {changes.NewLength}, but the next one applies to {length}.");
            }

            updates[i] = new CollabUpdate(changes, earlier[i].ClientId);
            length = changes.Length;
        }

        _updates.InsertRange(0, updates);
        _json.InsertRange(0, earlier.Select(e => e.ChangesJson));
        _windowStart = first - 1;
        _windowStartLength = length;
        Trim();
        return true;
    }

    /// <summary>
    /// Sequences a push made against <paramref name="baseVersion"/>: drops updates already accepted, rebases
    /// the rest over what was accepted since, and appends them (not yet durable). Returns the appended ones: none
    /// when they were all accepted before; of a late push, only the oldest that rebase within
    /// <see cref="DraftLimits.MaxRebaseSteps"/>, and none when even one would not (the client confirms what was taken
    /// as it catches up, and sends the rest again).
    /// </summary>
    /// <exception cref="DraftException">The push does not fit; nothing changes.</exception>
    public IReadOnlyList<(CollabUpdate Update, string Json)> Accept(int baseVersion, IReadOnlyList<CollabUpdate> pushed)
    {
        var name = DraftFields.Name(Field);
        if (baseVersion < 0 || baseVersion > DurableVersion)
        {
            throw new DraftException($"Base version {baseVersion} is out of range: the {name} is at version {DurableVersion}.");
        }

        if (baseVersion < _windowStart)
        {
            throw new DraftException(
                $"Base version {baseVersion} of the {name} is too far behind (the server keeps updates from version {_windowStart}); reload the draft.");
        }

        var baseLength = LengthAt(baseVersion);
        if (pushed.Count > 0 && pushed[0].Changes.Length != baseLength)
        {
            throw new DraftException(
                $"Update 0 applies to a document of length {pushed[0].Changes.Length}, but the {name} at version {baseVersion} has length {baseLength}.");
        }

        for (var i = 1; i < pushed.Count; i++)
        {
            if (pushed[i].Changes.Length != pushed[i - 1].Changes.NewLength)
            {
                throw new DraftException(
                    $"Update {i} applies to a document of length {pushed[i].Changes.Length}, but update {i - 1} leaves length {pushed[i - 1].Changes.NewLength}.");
            }

            if (pushed[i].ClientId != pushed[0].ClientId)
            {
                throw new DraftException($"Update {i} comes from client '{pushed[i].ClientId}', update 0 from '{pushed[0].ClientId}'; a push holds one client's updates.");
            }
        }

        // Rebasing costs the updates since the base times the updates rebased (see DraftLimits.MaxRebaseSteps): take
        // the oldest that fit, and none when even one would not; the client catches up and sends the rest from there.
        var behind = Version - baseVersion;
        var fit = behind == 0 ? pushed.Count : Math.Min(pushed.Count, DraftLimits.MaxRebaseSteps / behind);
        if (fit == 0)
        {
            return [];
        }

        var taken = fit == pushed.Count ? pushed : pushed.Take(fit).ToArray();
        var appended = SequentialRebase.UpdatesToAppend(_updates[(baseVersion - _windowStart)..], taken);
        var newLength = appended.Count > 0 ? appended[^1].Changes.NewLength : Length;
        var max = DraftLimits.MaxLength(Field);
        if (newLength > max && newLength > Length)
        {
            throw new DraftException($"The {name} may be at most {max} characters long; this push would make it {newLength}.");
        }

        var result = new (CollabUpdate, string)[appended.Count];
        for (var i = 0; i < appended.Count; i++)
        {
            var json = appended[i].Changes.ToJson();
            Append(appended[i], json);
            result[i] = (appended[i], json);
        }

        return result;
    }

    /// <summary>Applies the accepted updates up to <paramref name="version"/> to the durable text.</summary>
    public void MakeDurable(int version)
    {
        for (var v = DurableVersion; v < version; v++)
        {
            _text.Apply(_updates[v - _windowStart].Changes);
        }

        DurableVersion = version;
        Trim();
    }

    /// <exception cref="DraftException">The version is out of range or older than the window.</exception>
    public PulledUpdates Pull(int fromVersion)
    {
        var name = DraftFields.Name(Field);
        if (fromVersion < 0 || fromVersion > DurableVersion)
        {
            throw new DraftException($"Version {fromVersion} is out of range: the {name} is at version {DurableVersion}.");
        }

        if (fromVersion < _windowStart)
        {
            throw new DraftException(
                $"Version {fromVersion} of the {name} is too far behind (the server keeps updates from version {_windowStart}); reload the draft.");
        }

        return new PulledUpdates(fromVersion, Slice(fromVersion, DurableVersion));
    }

    public DraftUpdate[] Slice(int fromVersion, int toVersion)
    {
        var result = new DraftUpdate[toVersion - fromVersion];
        for (var v = fromVersion; v < toVersion; v++)
        {
            result[v - fromVersion] = new DraftUpdate(_updates[v - _windowStart].ClientId, _json[v - _windowStart]);
        }

        return result;
    }

    public DraftFieldView View() => new(DurableVersion, _text.ToString());

    /// <summary>
    /// The durable updates since <paramref name="version"/> composed into one change, or null when the window no
    /// longer holds them all (or the version is not a durable one).
    /// </summary>
    public ChangeSet? ComposeSince(int version)
    {
        if (version < _windowStart || version > DurableVersion)
        {
            return null;
        }

        var composed = ChangeSet.Empty(LengthAt(version));
        for (var v = version; v < DurableVersion; v++)
        {
            composed = composed.Compose(_updates[v - _windowStart].Changes);
        }

        return composed;
    }

    /// <summary>
    /// Moves a position in the document at <paramref name="version"/> to the durable document, through the
    /// updates between. Without a version, or with one the window no longer holds (or not yet durable), the
    /// position is only clamped to the durable text.
    /// </summary>
    public int MapToDurable(int? version, int pos)
    {
        if (version is not { } from || from < _windowStart || from > DurableVersion || pos > LengthAt(from))
        {
            return Math.Min(pos, _text.Length);
        }

        for (var v = from; v < DurableVersion; v++)
        {
            // assoc 1, as every client maps others' carets: text typed at a caret goes before it.
            pos = _updates[v - _windowStart].Changes.MapPos(pos, 1) ?? pos;
        }

        return pos;
    }

    private int LengthAt(int version) =>
        version == _windowStart ? _windowStartLength : _updates[version - _windowStart - 1].Changes.NewLength;

    private void Append(CollabUpdate update, string json)
    {
        _updates.Add(update);
        _json.Add(json);
    }

    // Trimming in steps keeps RemoveRange's copying amortised; only durable updates ever go.
    private void Trim()
    {
        var excess = DurableVersion - _windowStart - window;
        if (excess > Math.Max(64, window / 8))
        {
            _windowStartLength = LengthAt(_windowStart + excess);
            _updates.RemoveRange(0, excess);
            _json.RemoveRange(0, excess);
            _windowStart += excess;
        }
    }
}
