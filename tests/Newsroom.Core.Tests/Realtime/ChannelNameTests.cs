using Newsroom.Core.Realtime;
using Xunit;

namespace Newsroom.Core.Tests.Realtime;

public sealed class ChannelNameTests
{
    [Theory]
    [InlineData("draft:3f2a-election", ChannelKind.Draft, "3f2a-election")]
    [InlineData("article:kazakhstan-vote.2026", ChannelKind.Article, "kazakhstan-vote.2026")]
    [InlineData("user:rosa", ChannelKind.User, "rosa")]
    [InlineData("desk:politics_2", ChannelKind.Desk, "politics_2")]
    [InlineData("comments:kazakhstan-vote.2026", ChannelKind.Comments, "kazakhstan-vote.2026")]
    [InlineData("stories:newsroom", ChannelKind.Stories, "newsroom")]
    [InlineData("moderation:newsroom", ChannelKind.Moderation, "newsroom")]
    public void Parse_ReadsKindAndKey_AndRoundTrips(string text, ChannelKind kind, string key)
    {
        var channel = ChannelName.Parse(text);

        Assert.Equal(kind, channel.Kind);
        Assert.Equal(key, channel.Key);
        Assert.Equal(text, channel.ToString());
    }

    [Theory]
    [InlineData(null, "required")]
    [InlineData("", "required")]
    [InlineData("desk", "kind:key")]
    [InlineData("Desk:news", "unknown")]
    [InlineData("weather:today", "unknown")]
    [InlineData("desk:", "1 to 128")]
    [InlineData("desk:a b", "letters, digits")]
    [InlineData("desk:a:b", "letters, digits")]
    [InlineData("user:ünïcode", "letters, digits")]
    public void TryParse_RefusesMalformedNames_WithTheReason(string? text, string reason)
    {
        Assert.False(ChannelName.TryParse(text, out var channel, out var error));
        Assert.Null(channel);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_UpToTheLimit_AreAccepted_AndOneMoreIsNot()
    {
        Assert.True(ChannelName.TryParse("desk:" + new string('a', ChannelName.MaxKeyLength), out _, out _));
        Assert.False(ChannelName.TryParse("desk:" + new string('a', ChannelName.MaxKeyLength + 1), out _, out _));
    }

    [Fact]
    public void Factories_RefuseInvalidKeys()
    {
        Assert.Throws<ArgumentException>(() => ChannelName.Draft("no spaces"));
        Assert.Equal("draft:abc", ChannelName.Draft("abc").ToString());
        Assert.Equal("moderation:newsroom", ChannelName.Moderation("newsroom").ToString());
    }
}
