namespace Newsroom.Core.Changes;

/// <summary>Turns a <see cref="ChangeSpec"/> into the range and text codemirror's <c>ChangeSet.of</c> would use.</summary>
internal static class ChangeSpecResolver
{
    /// <summary>The validated range; <c>To</c> defaults to <c>From</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>From &gt; To</c>, <c>From &lt; 0</c> or <c>To &gt; length</c>.</exception>
    public static (int From, int To) Range(ChangeSpec change, int length)
    {
        var to = change.To ?? change.From;
        if (change.From > to || change.From < 0 || to > length)
        {
            throw new ArgumentOutOfRangeException(nameof(change), change, $"Invalid change range {change.From} to {to} (in doc of length {length}).");
        }

        return (change.From, to);
    }

    /// <summary>The insert as codemirror's <c>Text.of(insert.split(lineSep || /\r\n?|\n/))</c> holds it, lines joined with "\n".</summary>
    public static string Insert(string? insert, string? lineSeparator)
    {
        if (string.IsNullOrEmpty(insert))
        {
            return string.Empty;
        }

        if (!string.IsNullOrEmpty(lineSeparator))
        {
            return lineSeparator == "\n" ? insert : insert.Replace(lineSeparator, "\n", StringComparison.Ordinal);
        }

        // codemirror splits on /\r\n?|\n/; replacing "\r\n" first and then lone "\r" is the same split.
        return insert.Contains('\r', StringComparison.Ordinal)
            ? insert.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            : insert;
    }
}
