using Newsroom.Core.Notifications;
using Xunit;

namespace Newsroom.Core.Tests.Notifications;

public sealed class TopicKeyTests
{
    [Fact]
    public void EachKind_IsMadeAsTheContractSays_AndReadBackAsThatKind()
    {
        var keys = new (string Key, TopicKind Kind)[]
        {
            (TopicKey.FollowUps("night-buses"), TopicKind.FollowUps),
            (TopicKey.Story("night-buses"), TopicKind.Story),
            (TopicKey.Replies("night-buses", 42), TopicKind.Replies),
            (TopicKey.Section("World"), TopicKind.Section),
            (TopicKey.Tag("Central Asia"), TopicKind.Tag),
            (TopicKey.Author("Rosa Reporter"), TopicKind.Author),
            (TopicKey.Draft("0123456789ab"), TopicKind.Draft),
            (TopicKey.Moderation, TopicKind.Moderation),
            (TopicKey.MyReplies, TopicKind.MyReplies),
        };

        Assert.Equal(
            ["follow-ups:night-buses", "story:night-buses", "replies:night-buses:42", "section:world", "tag:central-asia",
                "author:rosa-reporter", "draft:0123456789ab", "moderation", "my-replies"],
            keys.Select(k => k.Key));
        Assert.All(keys, k =>
        {
            Assert.True(TopicKey.TryKind(k.Key, out var kind), k.Key);
            Assert.Equal(k.Kind, kind);
        });
    }

    [Theory]
    [InlineData("  Central   Asia ", "central-asia")]
    [InlineData("Rock 'n' Roll", "rock-n-roll")]
    [InlineData("Қазақстан", "қазақстан")]
    [InlineData("U.S. politics", "u.s.-politics")]
    [InlineData("a - b", "a-b")]
    public void Names_AreNormalised_SoSpellingsOfOneNameAreOneTopic(string name, string expected) =>
        Assert.Equal("tag:" + expected, TopicKey.Tag(name));

    [Theory]
    [InlineData(null, "A topic is required.")]
    [InlineData("", "A topic is required.")]
    [InlineData("weather:today", "'weather:today' is not a topic; topics are follow-ups:{slug}, story:{slug}, replies:{slug}:{commentId}, section:{name}, tag:{name}, author:{name}, draft:{id}, moderation and my-replies.")]
    [InlineData("story:a/b", "'story:a/b' is not a well-formed story topic: the slug is 1 to 128 letters, digits, '-', '_' or '.'.")]
    [InlineData("story:", "'story:' is not a well-formed story topic: the slug is 1 to 128 letters, digits, '-', '_' or '.'.")]
    [InlineData("replies:night-buses:0", "'replies:night-buses:0' is not a well-formed replies topic: replies:{slug}:{commentId} with a positive comment id.")]
    [InlineData("replies:night-buses", "'replies:night-buses' is not a well-formed replies topic: replies:{slug}:{commentId} with a positive comment id.")]
    [InlineData("draft:XYZ", "'draft:XYZ' is not a well-formed draft topic: the draft id is 12 lower-case hex digits.")]
    [InlineData("tag:Central Asia", "'tag:Central Asia' is not a well-formed name topic: the name is 1 to 100 lower-case letters, digits, '-', '_' or '.'.")]
    [InlineData("section:#?", "'section:#?' is not a well-formed name topic: the name is 1 to 100 lower-case letters, digits, '-', '_' or '.'.")]
    [InlineData("moderation:x", "'moderation:x' is not a topic; topics are follow-ups:{slug}, story:{slug}, replies:{slug}:{commentId}, section:{name}, tag:{name}, author:{name}, draft:{id}, moderation and my-replies.")]
    public void MalformedKeys_AreRefused_WithTheReason(string? key, string reason)
    {
        Assert.False(TopicKey.IsValid(key));
        Assert.False(TopicKey.TryKind(key, out _));
        Assert.Equal(reason, TopicKey.Check(key));
    }

    [Fact]
    public void KeyLongerThanTheMaximum_IsRefused()
    {
        var key = "tag:" + new string('a', TopicKey.MaxLength);

        Assert.Equal($"A topic may be at most 200 characters long; got {key.Length}.", TopicKey.Check(key));
    }

    [Fact]
    public void MakingAKeyFromBadParts_Throws_NamingThePart()
    {
        Assert.Equal(
            "A tag name needs 1 to 100 letters or digits; got '!!!'.",
            Assert.Throws<NotificationFormatException>(() => TopicKey.Tag("!!!")).Message);
        Assert.Equal(
            "A comment id is a positive number; got 0.",
            Assert.Throws<NotificationFormatException>(() => TopicKey.Replies("night-buses", 0)).Message);
        Assert.Equal(
            "A draft id is 12 lower-case hex digits; got 'nope'.",
            Assert.Throws<NotificationFormatException>(() => TopicKey.Draft("nope")).Message);
        Assert.StartsWith("A story's slug is 1 to 128", Assert.Throws<NotificationFormatException>(() => TopicKey.Story("a b")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyMyReplies_HasNoSubscribers()
    {
        Assert.False(TopicKey.HasSubscribers(TopicKind.MyReplies));
        Assert.All(Enum.GetValues<TopicKind>().Where(k => k != TopicKind.MyReplies), k => Assert.True(TopicKey.HasSubscribers(k)));
    }
}
