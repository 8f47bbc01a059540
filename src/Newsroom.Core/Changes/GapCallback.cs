namespace Newsroom.Core.Changes;

/// <summary>
/// Receives one unchanged stretch of <paramref name="length"/> code units that starts at
/// <paramref name="posA"/> before the change and at <paramref name="posB"/> after it.
/// </summary>
public delegate void GapCallback(int posA, int posB, int length);
