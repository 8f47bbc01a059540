using Newsroom.Core.Documents;
using Xunit;

namespace Newsroom.Core.Tests.Documents;

public sealed class DraftTextSearchTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 20)];

    [Fact]
    public void IndexOf_FindsAMatchThatStraddlesTheGap()
    {
        var text = new DraftText("[e0001] abc\n[e0002] \n");

        // An empty replacement moves the gap inside the first marker, so that match runs across it.
        text.Replace(3, 3, "");

        Assert.Equal(0, text.IndexOf("[e0001] "));
        Assert.Equal(12, text.IndexOf("[e0002] "));
        Assert.Equal(11, text.IndexOf("\n", 2));
        Assert.Equal(-1, text.IndexOf("[e0003] "));
    }

    [Fact]
    public void IndexOf_EmptyValue_IsTheStartIndex()
    {
        var text = new DraftText("abc");

        Assert.Equal(2, text.IndexOf("", 2));
        Assert.Equal(3, text.IndexOf("", 3));
    }

    [Fact]
    public void IndexOf_StartOutsideTheText_IsRefused()
    {
        var text = new DraftText("abc");

        Assert.Throws<ArgumentOutOfRangeException>(() => text.IndexOf("a", -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => text.IndexOf("a", 4));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void IndexOf_AtEveryGapPosition_MatchesStringIndexOf(int seed)
    {
        var random = new Random(seed);
        var model = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => "ab\n"[random.Next(3)])]);
        for (var gapAt = 0; gapAt <= model.Length; gapAt++)
        {
            // An empty replacement moves the gap without changing the text.
            var text = new DraftText(model);
            text.Replace(gapAt, gapAt, "");
            for (var trial = 0; trial < 10; trial++)
            {
                var value = new string([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => "ab\n"[random.Next(3)])]);
                var start = random.Next(model.Length + 1);
                Assert.True(
                    model.IndexOf(value, start, StringComparison.Ordinal) == text.IndexOf(value, start),
                    $"seed {seed}: '{Escape(value)}' from {start} in '{Escape(model)}' with the gap at {gapAt}");
            }
        }
    }

    private static string Escape(string s) => s.Replace("\n", "\\n", StringComparison.Ordinal);
}
