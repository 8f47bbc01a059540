using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class GuestIdentityTests
{
    [Theory]
    [InlineData("Aigerim", "Aigerim")]
    [InlineData("  Jean   Dupont \n ", "Jean Dupont")]
    [InlineData("Line\nbreak", "Line break")]
    [InlineData("R2-D2", "R2-D2")]
    [InlineData("Ана 🦊", "Ана 🦊")]
    [InlineData("Editorial fan? no: Creditor", "Editorial fan? no: Creditor")]
    [InlineData("<b>Bob</b>", "<b>Bob</b>")]
    public void CheckGuestName_AcceptsOrdinaryNames_AsOneCleanLine(string typed, string shown)
    {
        var check = CommentText.CheckGuestName(typed);

        Assert.True(check.Accepted, check.Refusal);
        Assert.Equal(shown, check.Text);
        Assert.Equal(CommentTextCheck.NameField, check.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B\u200C\u200D")]
    [InlineData("\u202E\u2066\u2069")]
    [InlineData("\u3164")]
    [InlineData("\u2800\u2800")]
    public void CheckGuestName_EmptyOrInvisible_IsRefused(string? typed)
    {
        var check = CommentText.CheckGuestName(typed);

        Assert.Equal("The display name is empty: give the name other readers will see.", check.Refusal);
    }

    [Fact]
    public void CheckGuestName_LongerThanFifty_IsRefusedWithTheLimit()
    {
        Assert.True(CommentText.CheckGuestName(new string('a', 50)).Accepted);
        Assert.Equal(
            "A display name may be at most 50 characters long; this one has 51.",
            CommentText.CheckGuestName(new string('a', 51)).Refusal);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("---")]
    [InlineData("🦊🦊")]
    public void CheckGuestName_WithoutALetterOrDigit_IsRefused(string typed)
    {
        Assert.Equal("A display name needs at least one letter or digit.", CommentText.CheckGuestName(typed).Refusal);
    }

    [Theory]
    [InlineData("Cheap flights www.spam.example")]
    [InlineData("https://spam.example")]
    public void CheckGuestName_WithAWebAddress_IsRefused(string typed)
    {
        Assert.Equal("A display name may not contain a web address.", CommentText.CheckGuestName(typed).Refusal);
    }

    [Theory]
    [InlineData("Mona (staff)", "staff")]
    [InlineData("[Moderator] Mona", "moderator")]
    [InlineData("The Newsroom", "newsroom")]
    [InlineData("Site Admin", "admin")]
    [InlineData("Editors", "editors")]
    [InlineData("St4ff", "staff")]
    [InlineData("ＥＤＩＴＯＲ", "editor")]
    [InlineData("𝐒𝐭𝐚𝐟𝐟", "staff")]
    [InlineData("Ѕtаff", "staff")]
    [InlineData("Mödérätör", "moderator")]
    [InlineData("Ad\u200Bmin", "admin")]
    public void CheckGuestName_PosingAsStaff_IsRefused(string typed, string word)
    {
        var check = CommentText.CheckGuestName(typed);

        Assert.Equal($"A guest's display name may not contain \"{word}\": only signed-in staff are shown as newsroom staff.", check.Refusal);
    }

    [Fact]
    public void CheckGuestName_AStaffMembersName_IsRefused_HoweverSpaced()
    {
        string[] staff = ["Eddie Editor-in-Chief", "Mona Lisa"];

        Assert.Equal(
            "That display name belongs to a member of the newsroom's staff; choose another.",
            CommentText.CheckGuestName("mona  LISA", staff).Refusal);
        Assert.False(CommentText.CheckGuestName("M0na Lisa", staff).Accepted);
        Assert.True(CommentText.CheckGuestName("Mona", staff).Accepted);
    }

    [Theory]
    [InlineData("reader@example.org", "reader@example.org")]
    [InlineData("  First.Last+tag@Mail.Example.CO.uk ", "first.last+tag@mail.example.co.uk")]
    [InlineData("aigerim@пример.рф", "aigerim@пример.рф")]
    public void CheckGuestEmail_AcceptsAddresses_TrimmedAndLowerCased(string typed, string stored)
    {
        var check = CommentText.CheckGuestEmail(typed);

        Assert.True(check.Accepted, check.Refusal);
        Assert.Equal(stored, check.Text);
        Assert.Equal(CommentTextCheck.EmailField, check.Field);
    }

    [Theory]
    [InlineData("plainaddress")]
    [InlineData("@example.org")]
    [InlineData("reader@")]
    [InlineData("reader@example")]
    [InlineData("reader@@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("reader@example..org")]
    [InlineData("reader@-example.org")]
    [InlineData("reader@example.o")]
    [InlineData("reader@example.123")]
    [InlineData(".reader@example.org")]
    [InlineData("re..ader@example.org")]
    [InlineData("read er@example.org")]
    [InlineData("\"<script>\"@example.org")]
    [InlineData("reader@exa_mple.org")]
    [InlineData("reader@example.org<script>")]
    public void CheckGuestEmail_NotAnAddress_IsRefused_WithoutEchoingIt(string typed)
    {
        var check = CommentText.CheckGuestEmail(typed);

        Assert.Equal("That does not look like an email address, such as name@example.org.", check.Refusal);
    }

    [Fact]
    public void CheckGuestEmail_EmptyOrTooLong_IsRefusedWithTheReason()
    {
        Assert.Equal("The email address is empty: give one (it is never shown).", CommentText.CheckGuestEmail("  ").Refusal);
        var local = new string('a', 64);
        var tooLong = $"{local}@{new string('b', 63)}.{new string('c', 63)}.{new string('d', 63)}.org";
        Assert.Equal($"An email address may be at most 254 characters long; this one has {tooLong.Length}.", CommentText.CheckGuestEmail(tooLong).Refusal);
        Assert.False(CommentText.CheckGuestEmail(new string('a', 65) + "@example.org").Accepted);
    }
}
