namespace Newsroom.Core.Documents;

/// <summary>
/// The mutable text of a draft. One edit costs time proportional to the distance from the previous
/// edit plus the inserted length, not to the document's length, so a grain can apply every keystroke
/// of a long article directly. Positions are UTF-16 code units, the same as CodeMirror's.
/// </summary>
/// <remarks>Not thread-safe: a draft grain's single-threaded turns are the intended owner.</remarks>
public sealed partial class DraftText
{
    // A gap buffer: the text is _buffer[0.._gapStart] followed by _buffer[_gapEnd..]. Typing is local, so
    // moving the gap to the next edit usually copies a few characters. StringBuilder was measured at
    // several seconds for the automerge-paper trace (it walks its chunk list on every Insert/Remove);
    // a rope would pay tree overhead on every keystroke for drafts that fit comfortably in one array.
    private const int MinCapacity = 64;

    private char[] _buffer;
    private int _gapStart;
    private int _gapEnd;

    public DraftText(string initial = "")
    {
        ArgumentNullException.ThrowIfNull(initial);
        // Some slack so the first keystrokes after loading a draft do not copy it again.
        _buffer = new char[(int)Math.Min(Array.MaxLength, (long)initial.Length + Math.Max(MinCapacity, initial.Length / 4))];
        initial.CopyTo(0, _buffer, 0, initial.Length);
        _gapStart = initial.Length;
        _gapEnd = _buffer.Length;
    }

    public int Length => _buffer.Length - (_gapEnd - _gapStart);

    internal int Capacity => _buffer.Length;

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not in [0, Length).</exception>
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"Position {index} is out of range for a text of length {Length}.");
            }

            return index < _gapStart ? _buffer[index] : _buffer[index + (_gapEnd - _gapStart)];
        }
    }

    /// <summary>Replaces the characters in [<paramref name="from"/>, <paramref name="to"/>) with <paramref name="insert"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The range is negative, reversed or runs past <see cref="Length"/>; the text is left unchanged.
    /// </exception>
    public void Replace(int from, int to, string insert)
    {
        ArgumentNullException.ThrowIfNull(insert);
        CheckRange(from, to);
        ReplaceCore(from, to, insert);
    }

    /// <exception cref="ArgumentOutOfRangeException">
    /// The range is negative, reversed or runs past <see cref="Length"/>.
    /// </exception>
    public string Slice(int from, int to)
    {
        CheckRange(from, to);
        if (to <= _gapStart)
        {
            return new string(_buffer, from, to - from);
        }

        var gap = _gapEnd - _gapStart;
        if (from >= _gapStart)
        {
            return new string(_buffer, from + gap, to - from);
        }

        return string.Concat(_buffer.AsSpan(from, _gapStart - from), _buffer.AsSpan(_gapEnd, to + gap - _gapEnd));
    }

    public override string ToString() => Slice(0, Length);

    private void CheckRange(int from, int to)
    {
        var length = Length;
        if (from < 0 || from > to || to > length)
        {
            throw new ArgumentOutOfRangeException(
                from < 0 || from > length ? nameof(from) : nameof(to),
                $"Invalid range {from} to {to} (in a text of length {length}).");
        }
    }

    // Callers have validated the range. Any growth happens before the first write, so an
    // OutOfMemoryException leaves the text as it was.
    private void ReplaceCore(int from, int to, ReadOnlySpan<char> insert)
    {
        var newLength = Length - (to - from) + insert.Length;
        if (newLength > _buffer.Length)
        {
            Grow(newLength);
        }

        var gap = _gapEnd - _gapStart;
        if (to <= _gapStart)
        {
            // Only [to, gapStart) has to cross the gap; [from, to) simply joins it.
            var moved = _gapStart - to;
            Array.Copy(_buffer, to, _buffer, _gapEnd - moved, moved);
            _gapEnd -= moved;
        }
        else if (from >= _gapStart)
        {
            var moved = from - _gapStart;
            Array.Copy(_buffer, _gapEnd, _buffer, _gapStart, moved);
            _gapEnd = to + gap;
        }
        else
        {
            // The range straddles the gap: nothing moves, the gap just widens over it.
            _gapEnd = to + gap;
        }

        _gapStart = from;
        insert.CopyTo(_buffer.AsSpan(_gapStart));
        _gapStart += insert.Length;

        if (_buffer.Length > MinCapacity && newLength < _buffer.Length / 4)
        {
            // Halving on a quarter keeps growth and shrinkage amortised O(1) without thrashing at a boundary.
            Resize(Math.Max(MinCapacity, newLength * 2));
        }
    }

    private void Grow(int required)
    {
        // Doubling keeps the cost of growth amortised O(1) per inserted character; Array.MaxLength caps it.
        var capacity = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, required));
        if (capacity < required)
        {
            throw new OutOfMemoryException($"A text of {required} characters exceeds the largest possible array.");
        }

        Resize(capacity);
    }

    private void Resize(int capacity)
    {
        var buffer = new char[capacity];
        var tail = _buffer.Length - _gapEnd;
        Array.Copy(_buffer, 0, buffer, 0, _gapStart);
        Array.Copy(_buffer, _gapEnd, buffer, capacity - tail, tail);
        _buffer = buffer;
        _gapEnd = capacity - tail;
    }
}
