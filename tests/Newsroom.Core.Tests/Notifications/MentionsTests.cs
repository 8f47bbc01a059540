using Newsroom.Core.Notifications;
using Xunit;

namespace Newsroom.Core.Tests.Notifications;

public sealed class MentionsTests
{
    [Theory]
    [InlineData("Ask @rosa about it.", new[] { "rosa" })]
    [InlineData("@Eddie, then @rosa and @eddie again", new[] { "eddie", "rosa" })]
    [InlineData("(cc @mona.m) and @ada-b.", new[] { "mona.m", "ada-b" })]
    [InlineData("Write to rosa@example.org", new string[0])]
    [InlineData("An @ alone, @@, @. and @-", new string[0])]
    [InlineData("", new string[0])]
    public void Find_GivesEachMentionedUserNameOnce_InOrder_AndNoEmailAddresses(string text, string[] expected) =>
        Assert.Equal(expected, Mentions.Find(text));

    [Fact]
    public void Find_LeavesOutANameLongerThanAUserName()
    {
        Assert.Empty(Mentions.Find("@" + new string('a', 129)));
        Assert.Equal([new string('a', 128)], Mentions.Find("@" + new string('a', 128)));
    }
}
