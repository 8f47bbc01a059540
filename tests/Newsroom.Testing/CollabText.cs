using System.Text;
using Newsroom.Core.Changes;

namespace Newsroom.Testing;

/// <summary>
/// A text held in chunks of about a kilobyte, as CodeMirror holds its document in a tree: an edit anywhere copies at
/// most a chunk. The server's <see cref="Core.Documents.DraftText"/> is a gap buffer, right for the one copy a draft
/// keeps, whose edits are mostly near each other. A load generator keeps a copy per editor and applies everyone's
/// keystrokes to each, at 300 different places: a gap buffer moved its gap across a third of the text every time, and
/// that copying was what limited the generator at 300 editors.
/// </summary>
public sealed class CollabText
{
    private const int ChunkSize = 1024;

    private readonly List<Chunk> _chunks = [];

    // Bound once, so applying a change set allocates no delegate.
    private readonly ChangeCallback _applyChange;

    public CollabText(string initial = "")
    {
        ArgumentNullException.ThrowIfNull(initial);
        for (var at = 0; at < initial.Length; at += ChunkSize)
        {
            var chunk = new Chunk();
            chunk.Insert(0, initial.AsSpan(at, Math.Min(ChunkSize, initial.Length - at)));
            _chunks.Add(chunk);
        }

        Length = initial.Length;
        _applyChange = (fromA, toA, fromB, _, inserted) => Replace(fromB, fromB + (toA - fromA), inserted);
    }

    public int Length { get; private set; }

    /// <summary>Applies <paramref name="changes"/>, made for a document of exactly this length.</summary>
    /// <exception cref="ArgumentException"><paramref name="changes"/> was made for another length; nothing changes.</exception>
    public void Apply(ChangeSet changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Length != Length)
        {
            throw new ArgumentException(
                $"A change set for a document of length {changes.Length} cannot apply to a text of length {Length}.", nameof(changes));
        }

        // Changes come in document order and fromB counts the new text before each: where it starts once the earlier
        // ones are applied.
        changes.IterChanges(_applyChange);
    }

    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the text; nothing changes.</exception>
    public void Replace(int from, int to, string insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        if (from < 0 || to < from || to > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"{from}..{to} is not inside a text of length {Length}.");
        }

        var (first, offset) = Find(from);
        if (first == _chunks.Count)
        {
            _chunks.Add(new Chunk());
        }

        var last = first;
        var at = offset;
        for (var removing = to - from; removing > 0;)
        {
            var take = Math.Min(removing, _chunks[last].Length - at);
            _chunks[last].Remove(at, take);
            removing -= take;
            if (removing > 0)
            {
                last++;
                at = 0;
            }
        }

        _chunks[first].Insert(offset, insert);
        Length += insert.Length - (to - from);
        Rebalance(first, last);
    }

    /// <summary>The first position at or after <paramref name="startIndex"/> where <paramref name="value"/> occurs (ordinal), or -1.</summary>
    public int IndexOf(string value, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)startIndex, (uint)Length, nameof(startIndex));
        if (value.Length == 0)
        {
            return startIndex;
        }

        // Within each chunk, then across the boundary after it: a match there starts in the value.Length - 1
        // characters before the boundary and ends in as many after it, so it lies in that slice and no other match
        // can, and it comes after any match wholly inside the chunk.
        var chunkStart = 0;
        foreach (var chunk in _chunks)
        {
            var chunkEnd = chunkStart + chunk.Length;
            if (chunkEnd > startIndex)
            {
                var from = Math.Max(startIndex, chunkStart);
                var inside = chunk.Text[(from - chunkStart)..].IndexOf(value, StringComparison.Ordinal);
                if (inside >= 0)
                {
                    return from + inside;
                }

                var acrossFrom = Math.Max(from, chunkEnd - (value.Length - 1));
                var across = Slice(acrossFrom, Math.Min(Length, chunkEnd + (value.Length - 1))).IndexOf(value, StringComparison.Ordinal);
                if (across >= 0)
                {
                    return acrossFrom + across;
                }
            }

            chunkStart = chunkEnd;
        }

        return -1;
    }

    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the text.</exception>
    public string Slice(int from, int to)
    {
        if (from < 0 || to < from || to > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(from), $"{from}..{to} is not inside a text of length {Length}.");
        }

        var text = new StringBuilder(to - from);
        var chunkStart = 0;
        foreach (var chunk in _chunks)
        {
            var chunkEnd = chunkStart + chunk.Length;
            if (chunkEnd > from && chunkStart < to)
            {
                var start = Math.Max(from, chunkStart);
                text.Append(chunk.Text[(start - chunkStart)..(Math.Min(to, chunkEnd) - chunkStart)]);
            }

            chunkStart = chunkEnd;
        }

        return text.ToString();
    }

    public override string ToString() => Slice(0, Length);

    // The chunk holding position `at` and where in it; the end of the text is the end of the last chunk, and
    // (Count, 0) when there is no chunk yet.
    private (int Index, int Offset) Find(int at)
    {
        for (var i = 0; i < _chunks.Count; i++)
        {
            var length = _chunks[i].Length;
            if (at < length || (at == length && i == _chunks.Count - 1))
            {
                return (i, at);
            }

            at -= length;
        }

        return (_chunks.Count, 0);
    }

    // After an edit of chunks first..last: emptied chunks go, and a chunk grown past twice the size is cut into
    // chunks of the size, so the next edit anywhere again copies at most about a chunk.
    private void Rebalance(int first, int last)
    {
        for (var i = last; i >= first; i--)
        {
            var chunk = _chunks[i];
            if (chunk.Length == 0)
            {
                _chunks.RemoveAt(i);
            }
            else if (chunk.Length > 2 * ChunkSize)
            {
                var pieces = new List<Chunk>();
                for (var at = ChunkSize; at < chunk.Length; at += ChunkSize)
                {
                    var piece = new Chunk();
                    piece.Insert(0, chunk.Text[at..Math.Min(chunk.Length, at + ChunkSize)]);
                    pieces.Add(piece);
                }

                chunk.Remove(ChunkSize, chunk.Length - ChunkSize);
                _chunks.InsertRange(i + 1, pieces);
            }
        }
    }

    private sealed class Chunk
    {
        private char[] _buffer = new char[2 * ChunkSize];

        public int Length { get; private set; }

        public ReadOnlySpan<char> Text => _buffer.AsSpan(0, Length);

        public void Insert(int at, ReadOnlySpan<char> text)
        {
            if (Length + text.Length > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(2 * _buffer.Length, Length + text.Length));
            }

            _buffer.AsSpan(at, Length - at).CopyTo(_buffer.AsSpan(at + text.Length));
            text.CopyTo(_buffer.AsSpan(at));
            Length += text.Length;
        }

        public void Remove(int at, int count)
        {
            _buffer.AsSpan(at + count, Length - at - count).CopyTo(_buffer.AsSpan(at));
            Length -= count;
        }
    }
}
