namespace Newsroom.Core.Changes;

/// <summary>
/// Receives one changed range: <paramref name="fromA"/>..<paramref name="toA"/> in the document before
/// the change is replaced by <paramref name="fromB"/>..<paramref name="toB"/> in the document after it.
/// </summary>
public delegate void ChangedRangeCallback(int fromA, int toA, int fromB, int toB);
