using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Newsroom.Core.Realtime;

namespace Newsroom.Core.Notifications;

/// <summary>
/// The keys of what people follow, in one place: <c>follow-ups:{slug}</c>, <c>story:{slug}</c>,
/// <c>replies:{slug}:{commentId}</c>, <c>section:{name}</c>, <c>tag:{name}</c>, <c>author:{name}</c>,
/// <c>draft:{id}</c>, <c>moderation</c> and <c>my-replies</c>. A key is at most <see cref="MaxLength"/> characters.
/// A slug follows the channel key rule (1–128 ASCII letters, digits, '-', '_', '.'); a draft id is 12 lower-case hex
/// digits; a name is normalised (<see cref="Normalise"/>) to 1–<see cref="MaxNameLength"/> letters, digits, '-', '_'
/// or '.', so "Central Asia" and " central  asia" are one topic. Each key is also a topic grain's key and part of
/// an inbox's row key, which is why '/', '\', '#', '?' and spaces never appear in one.
/// </summary>
public static class TopicKey
{
    public const int MaxLength = 200;
    public const int MaxNameLength = 100;

    /// <summary>An inbox follows at most this many topics: enough for any reader, and a bound on what one person can make the topics store.</summary>
    public const int MaxFollowsPerInbox = 1_000;

    public const string Moderation = "moderation";
    public const string MyReplies = "my-replies";

    private const string FollowUpsPrefix = "follow-ups:";
    private const string StoryPrefix = "story:";
    private const string RepliesPrefix = "replies:";
    private const string SectionPrefix = "section:";
    private const string TagPrefix = "tag:";
    private const string AuthorPrefix = "author:";
    private const string DraftPrefix = "draft:";

    public static string FollowUps(string slug) => FollowUpsPrefix + Slug(slug);

    public static string Story(string slug) => StoryPrefix + Slug(slug);

    public static string Replies(string slug, long commentId) =>
        commentId > 0
            ? $"{RepliesPrefix}{Slug(slug)}:{commentId.ToString(CultureInfo.InvariantCulture)}"
            : throw new NotificationFormatException($"A comment id is a positive number; got {commentId}.");

    public static string Section(string name) => SectionPrefix + Name(name, "section");

    public static string Tag(string name) => TagPrefix + Name(name, "tag");

    public static string Author(string name) => AuthorPrefix + Name(name, "author");

    public static string Draft(string id) =>
        IsDraftId(id) ? DraftPrefix + id : throw new NotificationFormatException($"A draft id is 12 lower-case hex digits; got '{Short(id)}'.");

    /// <summary>
    /// A section, tag or author name as a key holds it: trimmed, lower case, each run of whitespace one '-', and
    /// characters other than letters, digits, '-', '_' and '.' left out ("Rock 'n' Roll" is <c>rock-n-roll</c>).
    /// </summary>
    public static string Normalise(string? name)
    {
        var text = new StringBuilder();
        var space = false;
        foreach (var c in (name ?? "").Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (!IsNameChar(c))
            {
                continue;
            }

            if (space && text.Length > 0 && text[^1] != '-' && c != '-')
            {
                text.Append('-');
            }

            space = false;
            text.Append(c);
        }

        return text.ToString();
    }

    public static bool IsValid([NotNullWhen(true)] string? key) => Check(key) is null;

    /// <summary>What kind of topic the key is, when it is a valid one.</summary>
    public static bool TryKind([NotNullWhen(true)] string? key, out TopicKind kind)
    {
        kind = default;
        if (Check(key) is not null)
        {
            return false;
        }

        kind = KindOf(key!)!.Value;
        return true;
    }

    /// <summary>Whether a topic grain holds subscribers for the kind (every kind but <see cref="TopicKind.MyReplies"/>).</summary>
    public static bool HasSubscribers(TopicKind kind) => kind != TopicKind.MyReplies;

    /// <summary>Null for a valid key, otherwise the reason it is not one, written for the person who sent it.</summary>
    public static string? Check(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "A topic is required.";
        }

        if (key.Length > MaxLength)
        {
            return $"A topic may be at most {MaxLength} characters long; got {key.Length}.";
        }

        var valid = KindOf(key) switch
        {
            TopicKind.FollowUps => IsSlug(key[FollowUpsPrefix.Length..]),
            TopicKind.Story => IsSlug(key[StoryPrefix.Length..]),
            TopicKind.Replies => IsReplies(key[RepliesPrefix.Length..]),
            TopicKind.Section => IsName(key[SectionPrefix.Length..]),
            TopicKind.Tag => IsName(key[TagPrefix.Length..]),
            TopicKind.Author => IsName(key[AuthorPrefix.Length..]),
            TopicKind.Draft => IsDraftId(key[DraftPrefix.Length..]),
            TopicKind.Moderation or TopicKind.MyReplies => true,
            _ => (bool?)null,
        };
        return valid switch
        {
            null => $"'{Short(key)}' is not a topic; topics are follow-ups:{{slug}}, story:{{slug}}, replies:{{slug}}:{{commentId}}, "
                + "section:{name}, tag:{name}, author:{name}, draft:{id}, moderation and my-replies.",
            false => $"'{Short(key)}' is not a well-formed {KindOf(key)!.Value switch
            {
                TopicKind.FollowUps or TopicKind.Story => "story topic: the slug is 1 to 128 letters, digits, '-', '_' or '.'",
                TopicKind.Replies => "replies topic: replies:{slug}:{commentId} with a positive comment id",
                TopicKind.Draft => "draft topic: the draft id is 12 lower-case hex digits",
                _ => $"name topic: the name is 1 to {MaxNameLength} lower-case letters, digits, '-', '_' or '.'",
            }}.",
            _ => null,
        };
    }

    private static TopicKind? KindOf(string key) =>
        key == Moderation ? TopicKind.Moderation
        : key == MyReplies ? TopicKind.MyReplies
        : key.StartsWith(FollowUpsPrefix, StringComparison.Ordinal) ? TopicKind.FollowUps
        : key.StartsWith(StoryPrefix, StringComparison.Ordinal) ? TopicKind.Story
        : key.StartsWith(RepliesPrefix, StringComparison.Ordinal) ? TopicKind.Replies
        : key.StartsWith(SectionPrefix, StringComparison.Ordinal) ? TopicKind.Section
        : key.StartsWith(TagPrefix, StringComparison.Ordinal) ? TopicKind.Tag
        : key.StartsWith(AuthorPrefix, StringComparison.Ordinal) ? TopicKind.Author
        : key.StartsWith(DraftPrefix, StringComparison.Ordinal) ? TopicKind.Draft
        : null;

    private static string Slug(string slug) =>
        IsSlug(slug) ? slug : throw new NotificationFormatException($"A story's slug is 1 to {ChannelName.MaxKeyLength} letters, digits, '-', '_' or '.'; got '{Short(slug)}'.");

    private static string Name(string name, string what)
    {
        var normalised = Normalise(name);
        return IsName(normalised)
            ? normalised
            : throw new NotificationFormatException($"A {what} name needs 1 to {MaxNameLength} letters or digits; got '{Short(name)}'.");
    }

    private static bool IsSlug(string? slug) => slug is not null && ChannelName.TryParse("article:" + slug, out _, out _);

    private static bool IsReplies(string rest)
    {
        var colon = rest.LastIndexOf(':');
        return colon > 0
            && IsSlug(rest[..colon])
            && rest.Length - colon - 1 is > 0 and <= 19
            && rest.AsSpan(colon + 1).ToString().All(char.IsAsciiDigit)
            && rest[colon + 1] != '0'
            && long.TryParse(rest.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name == Normalise(name) && name.Any(char.IsLetterOrDigit);

    private static bool IsDraftId(string? id) => id is { Length: 12 } && id.All(char.IsAsciiHexDigitLower);

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.';

    private static string Short(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
