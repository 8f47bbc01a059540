using System.Text.Json;
using Newsroom.Core.Changes;

namespace Newsroom.Benchmarks;

/// <summary>
/// The body's update log as the live-editors load has received it, parsed once for every editor. The server sends one
/// draft's events to its whole group as the same bytes, so each <c>draft.updates</c> event is read into change sets by
/// whichever editor meets it first, and the others find it here by its <c>fromVersion</c>: three hundred editors no
/// longer parse each keystroke three hundred times. Each entry knows which editor made it and which of that editor's
/// edits it is (its place among that editor's entries, since the server keeps one client's updates in order). It starts
/// at <paramref name="openedAt"/>, the version every editor opened the draft at.
/// </summary>
internal sealed class DraftUpdateLog(int openedAt, int capacity, int editors)
{
    private readonly Entry?[] _entries = new Entry?[openedAt + capacity];
    private readonly int[] _eventCounts = new int[openedAt + capacity];
    private readonly int[] _madeSoFar = new int[editors];
    private readonly Lock _filling = new();
    private int _filled = openedAt;

    /// <summary>One update of the log: its changes and who made it (<see cref="Sender"/> -1: not one of the editors).</summary>
    public sealed record Entry(ChangeSet Changes, int Sender, int Sequence);

    /// <summary>The version the log reaches: the next update read goes at this position.</summary>
    public int Version => Volatile.Read(ref _filled);

    /// <summary>The update at log position <paramref name="position"/> (the one that makes version position + 1).</summary>
    public Entry this[int position] => Volatile.Read(ref _entries[position])!;

    /// <summary>
    /// How many updates the event starting at <paramref name="fromVersion"/> carries, reading it (its envelope's bytes)
    /// into the log if no editor has yet.
    /// </summary>
    public int Read(int fromVersion, ReadOnlySpan<byte> envelope)
    {
        var known = Volatile.Read(ref _eventCounts[fromVersion]);
        if (known > 0)
        {
            return known;
        }

        var reader = new Utf8JsonReader(envelope);
        using var parsed = JsonDocument.ParseValue(ref reader);
        var updates = parsed.RootElement.GetProperty("event").GetProperty("updates");
        Fill(fromVersion, updates);
        Volatile.Write(ref _eventCounts[fromVersion], updates.GetArrayLength());
        return updates.GetArrayLength();
    }

    /// <summary>Adds what a pull returned (or an event carried) past the log's end.</summary>
    public void Fill(int fromVersion, JsonElement updates)
    {
        lock (_filling)
        {
            // Whoever reads an update has every earlier one, so the log grows without gaps.
            if (fromVersion > _filled)
            {
                throw new InvalidOperationException($"Updates from v{fromVersion} cannot follow a log of {_filled}: read them after those before.");
            }

            var position = fromVersion;
            foreach (var update in updates.EnumerateArray())
            {
                if (position == _filled)
                {
                    var sender = SenderOf(update.GetProperty("clientId").GetString()!);
                    var entry = new Entry(ChangeSet.FromJson(update.GetProperty("changes")), sender, sender < 0 ? 0 : _madeSoFar[sender]++);
                    Volatile.Write(ref _entries[position], entry);
                    Volatile.Write(ref _filled, position + 1);
                }

                position++;
            }
        }
    }

    // "e12-body" is editor 12's body; anything else (the marker lines' writer) is no editor.
    private static int SenderOf(string clientId) =>
        clientId.StartsWith('e') && clientId.IndexOf('-') is var dash and > 1 && int.TryParse(clientId.AsSpan(1, dash - 1), out var index)
            ? index
            : -1;
}
