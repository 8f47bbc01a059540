using Newsroom.Core.Changes;
using Newsroom.Core.Documents;
using Xunit;

namespace Newsroom.Core.Tests.Changes;

public sealed class TextDiffTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("", "Polls close at 8pm.")]
    [InlineData("Polls close at 8pm.", "")]
    [InlineData("Polls close at 8pm.", "Polls close at 9pm.")]
    [InlineData("Astana votes today.", "Astana and Almaty vote today, officials said.")]
    [InlineData("abc", "xyz")]
    [InlineData("line one\r\nline two", "line one\r\nline 2\r\n")]
    public void TheChange_TakesTheFirstTextToTheSecond(string before, string after)
    {
        var change = TextDiff.Between(before, after);

        Assert.Equal(before.Length, change.Length);
        Assert.Equal(after, Apply(change, before));
    }

    [Fact]
    public void APassageOutsideTheEdits_KeepsItsPlace()
    {
        const string before = "The meeting was on Tuesday. Turnout was 61 percent. The count ends at noon.";
        const string after = "The meeting was on Monday. Turnout was 61 percent. The count ends at 1pm.";
        var passage = before.IndexOf("Turnout", StringComparison.Ordinal);

        var change = TextDiff.Between(before, after);

        Assert.Equal(after.IndexOf("Turnout", StringComparison.Ordinal), change.MapPos(passage));
        Assert.Equal(after.IndexOf("percent", StringComparison.Ordinal), change.MapPos(before.IndexOf("percent", StringComparison.Ordinal)));
    }

    [Fact]
    public void RandomEdits_AlwaysApply_EvenPastTheEditCap()
    {
        var random = new Random(20261130);
        for (var round = 0; round < 200; round++)
        {
            var before = RandomText(random, random.Next(0, round < 190 ? 300 : 12_000));
            var after = Mutate(random, before, random.Next(0, round < 190 ? 20 : 3_000));

            Assert.Equal(after, Apply(TextDiff.Between(before, after), before));
        }
    }

    private static string Apply(ChangeSet change, string text)
    {
        var document = new DraftText(text);
        document.Apply(change);
        return document.ToString();
    }

    private static string RandomText(Random random, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => "ab c\nde"[random.Next(7)])]);

    private static string Mutate(Random random, string text, int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(text.Length + 1);
            var cut = Math.Min(random.Next(4), text.Length - at);
            text = text[..at] + RandomText(random, random.Next(4)) + text[(at + cut)..];
        }

        return text;
    }
}
