using Newsroom.Core.Documents;
using Newsroom.Grains.Desk;

namespace Newsroom.Grains.Tests.Desk;

/// <summary>A desk row keeps a bounded headline, and says so with an ellipsis when it had to cut one.</summary>
public sealed class DraftSummaryTests
{
    private const int Max = DraftSummary.MaxHeadlineLength;

    [Fact]
    public void AHeadlineThatFits_IsListedWhole()
    {
        var headline = new string('a', Max);

        Assert.Equal(headline, DraftSummary.ListedHeadline(new DraftText(headline)));
        Assert.Equal("", DraftSummary.ListedHeadline(new DraftText("")));
    }

    [Fact]
    public void ALongerHeadline_IsCutToTheRow_AndEndsWithAnEllipsis()
    {
        var headline = string.Concat(Enumerable.Repeat("Council votes ", 30));

        var listed = DraftSummary.ListedHeadline(new DraftText(headline));

        Assert.Equal(Max, listed.Length);
        Assert.Equal(headline[..(Max - 1)] + "…", listed);
    }

    [Fact]
    public void ACut_LeavesOutTheSpaceBeforeTheEllipsis_AndNeverHalvesASurrogatePair()
    {
        var spaced = new string('a', Max - 3) + "  " + new string('b', 10);
        var emoji = new string('a', Max - 2) + "\U0001F30A" + new string('b', 10);

        Assert.Equal(new string('a', Max - 3) + "…", DraftSummary.ListedHeadline(new DraftText(spaced)));
        Assert.Equal(new string('a', Max - 2) + "…", DraftSummary.ListedHeadline(new DraftText(emoji)));
    }
}
