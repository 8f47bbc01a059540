using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentTextTests
{
    [Theory]
    [InlineData("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour")]
    [InlineData("  padded  \n", "padded")]
    [InlineData("\n\n\nstarts late", "starts late")]
    [InlineData("a\n\n\n\n\n\nb", "a\n\n\nb")]
    [InlineData("a\n  \n \t \n\n\nb", "a\n\n\nb")]
    [InlineData("a\n\nb", "a\n\nb")]
    [InlineData("trailing   \nspaces", "trailing\nspaces")]
    [InlineData("line\u2028separator\u2029paragraph\u0085next", "line\nseparator\nparagraph\nnext")]
    [InlineData("tab\tstop", "tab stop")]
    [InlineData("no\u00A0break\u2003em\u3000ideographic", "no break em ideographic")]
    public void Clean_NormalisesLineBreaksSpacesAndBlankLines(string typed, string stored)
    {
        Assert.Equal(stored, CommentText.Clean(typed));
    }

    [Theory]
    [InlineData('\u202A')]
    [InlineData('\u202B')]
    [InlineData('\u202C')]
    [InlineData('\u202D')]
    [InlineData('\u202E')]
    [InlineData('\u2066')]
    [InlineData('\u2067')]
    [InlineData('\u2068')]
    [InlineData('\u2069')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u061C')]
    [InlineData('\u200B')]
    [InlineData('\u200C')]
    [InlineData('\u200D')]
    [InlineData('\u2060')]
    [InlineData('\u2061')]
    [InlineData('\u2064')]
    [InlineData('\uFEFF')]
    [InlineData('\u00AD')]
    [InlineData('\u180E')]
    [InlineData('\u034F')]
    [InlineData('\u3164')]
    [InlineData('\u115F')]
    [InlineData('\uFFA0')]
    [InlineData('\u0000')]
    [InlineData('\u0007')]
    [InlineData('\u001B')]
    [InlineData('\u007F')]
    [InlineData('\u009B')]
    [InlineData('\uFFFE')]
    [InlineData('\uFDD0')]
    public void Clean_RemovesCharactersThatReorderOrHideText(char invisible)
    {
        Assert.Equal("badword here", CommentText.Clean($"{invisible}bad{invisible}word{invisible} here{invisible}"));
    }

    [Fact]
    public void Clean_RemovesTagCharacters_ThatCarryHiddenText()
    {
        // U+E0041.. spell "AB" invisibly: "ASCII smuggling".
        Assert.Equal("visible", CommentText.Clean("visible\U000E0041\U000E0042\U000E007F"));
    }

    [Fact]
    public void Clean_ReversedFileNameTrick_ReadsInTypedOrder()
    {
        Assert.Equal("invoice_gpj.exe", CommentText.Clean("invoice_\u202Egpj.exe"));
    }

    [Fact]
    public void Clean_KeepsEmojiJoined_ButNotLettersJoined()
    {
        Assert.Equal("👩‍⚕️ and 🏳️‍🌈", CommentText.Clean("👩\u200D⚕️ and 🏳️\u200D🌈"));
        Assert.Equal("spam", CommentText.Clean("sp\u200Dam"));
    }

    [Fact]
    public void Clean_KeepsAccentsAndScripts_AsTyped()
    {
        Assert.Equal("Café Ελλάδα Қазақстан 中文 עִבְרִית", CommentText.Clean("Café Ελλάδα Қазақстан 中文 עִבְרִית"));
        Assert.Equal("e\u0301", CommentText.Clean("e\u0301"));
    }

    [Fact]
    public void Clean_CapsStackedCombiningMarks()
    {
        var zalgo = "Z" + new string('\u0336', 40) + "a" + new string('\u0489', 3);

        var clean = CommentText.Clean(zalgo);

        Assert.Equal("Z" + new string('\u0336', CommentText.MaxCombiningMarks) + "a" + new string('\u0489', 3), clean);
    }

    [Fact]
    public void Clean_ReplacesBrokenSurrogates_InsteadOfFailing()
    {
        Assert.Equal("a\uFFFDb\uFFFDc", CommentText.Clean("a\uD800b\uDC00c"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("a\r\n\r\n\r\n\r\nb \u202E c\u200B")]
    [InlineData("👩\u200D⚕️\u200D\u200Dx")]
    [InlineData("Z\u0336\u0336\u0336\u0336\u0336\u0336\u0336\u0336\u200B\u0336")]
    public void Clean_IsIdempotent(string typed)
    {
        var once = CommentText.Clean(typed);

        Assert.Equal(once, CommentText.Clean(once));
    }

    [Fact]
    public void CheckBody_AcceptsTheCleanedText()
    {
        var check = CommentText.CheckBody("  Good reporting.\r\n\r\nThanks!  ", 2, 100);

        Assert.True(check.Accepted);
        Assert.Equal("Good reporting.\n\nThanks!", check.Text);
        Assert.Equal(CommentTextCheck.BodyField, check.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    [InlineData("\u200B\u202E\u2060\uFEFF")]
    [InlineData("\u3164\u3164")]
    public void CheckBody_EmptyOrInvisible_IsRefusedAsEmpty(string? body)
    {
        var check = CommentText.CheckBody(body, 1, 100);

        Assert.False(check.Accepted);
        Assert.Equal("The comment is empty: write something first.", check.Refusal);
        Assert.Equal("", check.Text);
    }

    [Fact]
    public void CheckBody_TooShort_NamesTheMinimumAndTheLength()
    {
        var check = CommentText.CheckBody("ok\u200B\u200B\u200B", 5, 100);

        Assert.Equal("A comment must be at least 5 characters long; this one has 2.", check.Refusal);
        Assert.Equal(CommentTextCheck.BodyField, check.Field);
    }

    [Fact]
    public void CheckBody_TooLong_NamesTheMaximumAndTheLength()
    {
        var check = CommentText.CheckBody(new string('x', 11), 1, 10);

        Assert.Equal("A comment may be at most 10 characters long; this one has 11.", check.Refusal);
    }

    [Fact]
    public void CheckBody_CountsCharactersNotCodeUnits_AtTheLimit()
    {
        Assert.True(CommentText.CheckBody("😀😀😀", 1, 3).Accepted);
        Assert.False(CommentText.CheckBody("😀😀😀😀", 1, 3).Accepted);
    }

    [Fact]
    public void CheckBody_CountsAfterCleaning_SoInvisiblePaddingCannotMeetTheMinimum()
    {
        Assert.False(CommentText.CheckBody("a" + new string('\u200B', 50), 10, 100).Accepted);
    }

    [Fact]
    public void CheckBody_ImpossibleLimits_AreAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentText.CheckBody("x", 0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommentText.CheckBody("x", 10, 5));
    }
}
