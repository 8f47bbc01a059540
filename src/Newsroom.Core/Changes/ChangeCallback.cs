namespace Newsroom.Core.Changes;

/// <summary>
/// Receives one changed range: <paramref name="fromA"/>..<paramref name="toA"/> in the document before
/// the change is replaced by <paramref name="fromB"/>..<paramref name="toB"/> in the document after it,
/// whose text is <paramref name="inserted"/> (lines joined with "\n").
/// </summary>
public delegate void ChangeCallback(int fromA, int toA, int fromB, int toB, string inserted);
