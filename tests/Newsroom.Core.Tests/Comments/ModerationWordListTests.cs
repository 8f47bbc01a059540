using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class ModerationWordListTests
{
    private static readonly ModerationWordList _list = ModerationWordList.Of(["idiot", "spam", "shut up", "crétin"]);

    [Theory]
    [InlineData("You are an idiot.", "idiot")]
    [InlineData("IDIOT", "idiot")]
    [InlineData("what an Idiot!", "idiot")]
    [InlineData("ïdïöt", "idiot")]
    [InlineData("i d i o t", "idiot")]
    [InlineData("i.d.i.o.t", "idiot")]
    [InlineData("i-d-i-o-t!!", "idiot")]
    [InlineData("1d10t", "idiot")]
    [InlineData("idiooooot", "idiot")]
    [InlineData("id\u200Biot", "idiot")]
    [InlineData("id\u00ADiot", "idiot")]
    [InlineData("buy $pam now", "spam")]
    [InlineData("Just   SHUT\n up", "shut up")]
    [InlineData("quel cretin", "crétin")]
    [InlineData("quel CRÉTIN", "crétin")]
    [InlineData("quel cre\u0301tin", "crétin")]
    public void FindIn_MatchesThroughCaseAccentsAndSimpleDisguises(string text, string expected)
    {
        Assert.Equal(expected, _list.FindIn(text));
    }

    [Theory]
    [InlineData("That was idiotic.")]
    [InlineData("Spammers are a nuisance")]
    [InlineData("shutter up the windows")]
    [InlineData("I do it")]
    [InlineData("In 2026 10 people")]
    [InlineData("Email @spamfilter about it")]
    [InlineData("")]
    public void FindIn_WholeWordsOnly_LeavesInnocentTextAlone(string text)
    {
        Assert.Null(_list.FindIn(text));
    }

    [Fact]
    public void Of_LeavesOutBlankAndPunctuationOnlyEntries_AndKeepsTheWrittenForm()
    {
        var list = ModerationWordList.Of(["  Idiot ", "", "   ", "!!!", "idiot"]);

        Assert.Equal(["Idiot", "idiot"], list.Entries);
        Assert.Equal("Idiot", list.FindIn("idiot"));
    }

    [Fact]
    public void Empty_FindsNothing()
    {
        Assert.Null(ModerationWordList.Empty.FindIn("anything at all, idiot"));
    }
}
