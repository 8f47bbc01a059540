using System.Globalization;

namespace Newsroom.Core.Comments;

/// <summary>
/// A story's ratings in short: the sum of stars and how many readers rated. The average is rounded to one decimal,
/// halves away from zero, in whole numbers, so every server and every culture shows the same "4.2 · 37 votes".
/// </summary>
public readonly record struct RatingSummary(long TotalStars, int Count)
{
    /// <summary>The average in tenths of a star (42 for 4.2); 0 with no ratings.</summary>
    public int AverageTenths => Count == 0 ? 0 : (int)(((TotalStars * 20) + Count) / (2L * Count));

    public double Average => AverageTenths / 10.0;

    /// <summary>"4.2 · 37 votes", "5.0 · 1 vote", or "No ratings yet".</summary>
    public override string ToString() => Count == 0
        ? "No ratings yet"
        : string.Create(CultureInfo.InvariantCulture, $"{AverageTenths / 10}.{AverageTenths % 10} · {Count} vote{(Count == 1 ? "" : "s")}");
}
