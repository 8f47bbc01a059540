namespace Newsroom.Core.Documents;

public sealed partial class DraftText
{
    /// <summary>
    /// The first position at or after <paramref name="startIndex"/> where <paramref name="value"/> occurs
    /// (ordinal, code unit by code unit), or -1. Costs one pass over the text after
    /// <paramref name="startIndex"/> and does not move the gap, so searching never slows the next edit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="startIndex"/> is not in [0, Length].</exception>
    public int IndexOf(string value, int startIndex = 0)
    {
        ArgumentNullException.ThrowIfNull(value);
        var length = Length;
        if ((uint)startIndex > (uint)length)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex, $"Position {startIndex} is out of range for a text of length {length}.");
        }

        if (value.Length == 0)
        {
            return startIndex;
        }

        // In position order: wholly before the gap, then across it, then wholly after it.
        if (startIndex < _gapStart)
        {
            var before = _buffer.AsSpan(startIndex, _gapStart - startIndex).IndexOf(value, StringComparison.Ordinal);
            if (before >= 0)
            {
                return startIndex + before;
            }

            var lastAcross = Math.Min(_gapStart - 1, length - value.Length);
            for (var at = Math.Max(startIndex, _gapStart - value.Length + 1); at <= lastAcross; at++)
            {
                if (MatchesAt(at, value))
                {
                    return at;
                }
            }
        }

        var from = Math.Max(startIndex, _gapStart);
        var gap = _gapEnd - _gapStart;
        var after = _buffer.AsSpan(from + gap, length - from).IndexOf(value, StringComparison.Ordinal);
        return after < 0 ? -1 : from + after;
    }

    private bool MatchesAt(int at, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (this[at + i] != value[i])
            {
                return false;
            }
        }

        return true;
    }
}
