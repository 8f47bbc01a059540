namespace Newsroom.Core.Changes;

/// <summary>
/// How <see cref="ChangeDesc.MapPos(int, int, MapMode)"/> treats a position whose surroundings were deleted.
/// </summary>
public enum MapMode
{
    /// <summary>Map the position to a valid new position, even when its context was deleted.</summary>
    Simple = 0,

    /// <summary>Return null if a deletion happens across the position.</summary>
    TrackDel = 1,

    /// <summary>Return null if the character before the position is deleted.</summary>
    TrackBefore = 2,

    /// <summary>Return null if the character after the position is deleted.</summary>
    TrackAfter = 3,
}
