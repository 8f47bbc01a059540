using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentRatingTests
{
    [Fact]
    public void Rate_OnePerReader_ChangingReplacesTheEarlierRating()
    {
        var rating = new ArticleRating();
        rating.Rate("aigerim", 2);

        var change = rating.Rate("aigerim", 5);

        Assert.Equal((2, 5), (change.Previous, change.Current));
        Assert.Equal(new RatingSummary(5, 1), rating.Summary);
        Assert.Equal(5, rating.StarsOf("aigerim"));
    }

    [Fact]
    public void Rate_TheSameStarsAgain_ChangesNothing()
    {
        var rating = new ArticleRating();
        rating.Rate("aigerim", 4);

        Assert.False(rating.Rate("aigerim", 4).Changed);
        Assert.Equal(1, rating.Summary.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Rate_OutsideOneToFive_IsRefused_AndCountsNothing(int stars)
    {
        var rating = new ArticleRating();

        var change = rating.Rate("aigerim", stars);

        Assert.Equal($"A rating is 1 to 5 stars; got {stars}.", change.Refusal);
        Assert.Equal(0, rating.Summary.Count);
        Assert.Null(rating.StarsOf("aigerim"));
    }

    [Fact]
    public void Summary_ThirtySevenVotes_ReadsLikeTheWidget()
    {
        var rating = new ArticleRating();
        // 37 readers: 5 give three stars, 19 four, 13 five; 156 stars, 4.216… shown as 4.2.
        for (var i = 0; i < 37; i++)
        {
            rating.Rate($"reader-{i}", i < 5 ? 3 : i < 24 ? 4 : 5);
        }

        Assert.Equal(156, rating.Summary.TotalStars);
        Assert.Equal("4.2 · 37 votes", rating.Summary.ToString());
        Assert.Equal(4.2, rating.Summary.Average);
    }

    [Theory]
    [InlineData(0, 0, "No ratings yet")]
    [InlineData(5, 1, "5.0 · 1 vote")]
    [InlineData(9, 2, "4.5 · 2 votes")]
    [InlineData(7, 4, "1.8 · 4 votes")]
    [InlineData(5, 4, "1.3 · 4 votes")]
    [InlineData(10, 3, "3.3 · 3 votes")]
    [InlineData(11, 3, "3.7 · 3 votes")]
    public void Summary_RoundsHalvesUp_ToOneDecimal_InvariantCulture(long stars, int count, string expected)
    {
        Assert.Equal(expected, new RatingSummary(stars, count).ToString());
    }

    [Fact]
    public void Load_RebuildsTheSummary_AndRefusesARowOutOfRange()
    {
        var rating = ArticleRating.Load([new("a", 5), new("b", 3)]);

        Assert.Equal("4.0 · 2 votes", rating.Summary.ToString());
        Assert.Throws<InvalidOperationException>(() => ArticleRating.Load([new("a", 9)]));
    }
}
