using Newsroom.Core.Notifications;
using Newsroom.Grains.Articles;

namespace Newsroom.Server.Notifications;

/// <summary>
/// What a published story offers to follow beyond itself: its section, its byline's author and each of its tags, as the
/// story names them. Worked out from the story alone, so the widget offers exactly what <see cref="ReaderSubscriptions"/>
/// accepts. A name that cannot be a topic (<see cref="TopicKey"/>: no letter or digit in it) is left out rather than
/// offered and refused; two tags that are one topic ("Central Asia", "central asia") are offered once.
/// </summary>
public sealed record StoryFollowOffer(string? Section, string? Author, IReadOnlyList<string> Tags)
{
    public static StoryFollowOffer Of(ArticleContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tags = content.Tags
            .Select(t => t.Trim())
            .Where(t => TopicKey.Check("tag:" + TopicKey.Normalise(t)) is null)
            .DistinctBy(TopicKey.Normalise, StringComparer.Ordinal)
            .ToArray();
        return new(Followable("section:", content.Section), Followable("author:", content.Byline), tags);
    }

    /// <summary>The story's own spelling of a tag the reader sent, matched as topics match ("ELECTIONS" is "Elections").</summary>
    public string? TagNamed(string? tag)
    {
        var key = TopicKey.Normalise(tag);
        return key.Length == 0 ? null : Tags.FirstOrDefault(t => TopicKey.Normalise(t) == key);
    }

    private static string? Followable(string prefix, string? name) =>
        name is not null && TopicKey.Check(prefix + TopicKey.Normalise(name)) is null ? name.Trim() : null;
}
