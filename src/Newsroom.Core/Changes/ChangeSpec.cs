namespace Newsroom.Core.Changes;

/// <summary>
/// One change to a document, in that document's coordinates: replace <c>From</c>..<c>To</c> with
/// <c>Insert</c>. A null <c>To</c> means <c>To == From</c> (a pure insertion); a null or empty
/// <c>Insert</c> means a deletion. Positions are UTF-16 code units.
/// </summary>
/// <remarks>
/// <see cref="ChangeSet.Of(IEnumerable{ChangeSpec}, int, string?)"/> splits <c>Insert</c> into lines
/// (on "\r\n", "\r" or "\n", or on the given line separator) and stores it joined with "\n", as
/// codemirror's <c>Text.of(insert.split(...))</c> does.
/// </remarks>
public readonly record struct ChangeSpec(int From, int? To = null, string? Insert = null);
