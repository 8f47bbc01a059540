namespace Newsroom.Core.Comments;

/// <summary>
/// A story's star rating: one rating of 1 to 5 per reader (their guest id or user name), changeable, kept as a sum
/// and a count so the average is exact and needs no walk over the ratings.
/// </summary>
public sealed class ArticleRating
{
    public const int MinStars = 1;
    public const int MaxStars = 5;

    private readonly Dictionary<string, int> _stars = new(StringComparer.Ordinal);
    private long _sum;

    public RatingSummary Summary => new(_sum, _stars.Count);

    /// <summary>A rating rebuilt from stored rows (reader, stars); rows out of range are a storage fault and throw.</summary>
    public static ArticleRating Load(IEnumerable<KeyValuePair<string, int>> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var rating = new ArticleRating();
        foreach (var (reader, stars) in ratings)
        {
            var change = rating.Rate(reader, stars);
            if (!change.Done)
            {
                throw new InvalidOperationException($"Stored rating by '{reader}': {change.Refusal}");
            }
        }

        return rating;
    }

    /// <summary>The stars this reader gave, or null.</summary>
    public int? StarsOf(string readerId) => _stars.TryGetValue(readerId, out var stars) ? stars : null;

    /// <summary>Rates the story or changes this reader's rating; their earlier one no longer counts.</summary>
    public RatingChange Rate(string readerId, int stars)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        if (stars is < MinStars or > MaxStars)
        {
            return RatingChange.Refuse($"A rating is {MinStars} to {MaxStars} stars; got {stars}.");
        }

        var previous = StarsOf(readerId);
        _sum += stars - (previous ?? 0);
        _stars[readerId] = stars;
        return new RatingChange(true, null, previous, stars, Summary);
    }
}

/// <summary>The answer to a rating: the reader's stars before and now (store the row only when they differ) and the new summary.</summary>
public sealed record RatingChange(bool Done, string? Refusal, int? Previous, int? Current, RatingSummary Summary)
{
    public bool Changed => Done && Previous != Current;

    public static RatingChange Refuse(string reason) => new(false, reason, null, null, default);
}
