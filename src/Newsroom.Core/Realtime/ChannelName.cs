using System.Diagnostics.CodeAnalysis;

namespace Newsroom.Core.Realtime;

/// <summary>
/// The name of a live channel a browser can listen to, <c>{kind}:{key}</c>: <c>draft:{id}</c>,
/// <c>article:{slug}</c>, <c>comments:{slug}</c>, <c>stories:{index}</c>, <c>moderation:{queue}</c>, <c>user:{id}</c>
/// or <c>desk:{name}</c>. It doubles as the
/// SignalR group name.
/// </summary>
public sealed record ChannelName
{
    public const int MaxKeyLength = 128;

    private ChannelName(ChannelKind kind, string key)
    {
        Kind = kind;
        Key = key;
    }

    public ChannelKind Kind { get; }

    public string Key { get; }

    public static ChannelName Draft(string id) => Create(ChannelKind.Draft, id);

    public static ChannelName Article(string slug) => Create(ChannelKind.Article, slug);

    public static ChannelName User(string id) => Create(ChannelKind.User, id);

    public static ChannelName Desk(string name) => Create(ChannelKind.Desk, name);

    public static ChannelName Comments(string slug) => Create(ChannelKind.Comments, slug);

    public static ChannelName Stories(string index) => Create(ChannelKind.Stories, index);

    public static ChannelName Moderation(string queue) => Create(ChannelKind.Moderation, queue);

    public static ChannelName Of(ChannelKind kind, string key) => Create(kind, key);

    /// <summary>The kind as it is written in a channel name: <c>draft</c>, <c>comments</c>, ...</summary>
    public static string KindText(ChannelKind kind) => kind switch
    {
        ChannelKind.Draft => "draft",
        ChannelKind.Article => "article",
        ChannelKind.User => "user",
        ChannelKind.Comments => "comments",
        ChannelKind.Stories => "stories",
        ChannelKind.Moderation => "moderation",
        _ => "desk",
    };

    /// <summary>Parses <c>kind:key</c>; the key is 1–128 characters of letters, digits, '-', '_' or '.'.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ChannelName? channel, out string error)
    {
        channel = null;
        if (string.IsNullOrEmpty(text))
        {
            error = "A channel name is required.";
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"Channel '{Truncate(text)}' is not of the form kind:key.";
            return false;
        }

        ChannelKind? kind = null;
        foreach (var candidate in Enum.GetValues<ChannelKind>())
        {
            if (text.AsSpan(0, colon).SequenceEqual(KindText(candidate)))
            {
                kind = candidate;
            }
        }

        if (kind is null)
        {
            error = $"Channel kind '{Truncate(text[..colon])}' is unknown; expected draft, article, comments, stories, moderation, user or desk.";
            return false;
        }

        var key = text[(colon + 1)..];
        if (!IsValidKey(key, out error))
        {
            return false;
        }

        channel = new ChannelName(kind.Value, key);
        return true;
    }

    public static ChannelName Parse(string text) =>
        TryParse(text, out var channel, out var error) ? channel : throw new FormatException(error);

    public override string ToString() => $"{KindText(Kind)}:{Key}";

    private static ChannelName Create(ChannelKind kind, string key) =>
        IsValidKey(key, out var error) ? new ChannelName(kind, key) : throw new ArgumentException(error, nameof(key));

    private static bool IsValidKey(string key, out string error)
    {
        if (key.Length is 0 or > MaxKeyLength)
        {
            error = $"A channel key must be 1 to {MaxKeyLength} characters long; got {key.Length}.";
            return false;
        }

        foreach (var c in key)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                error = $"Channel key '{Truncate(key)}' may hold only letters, digits, '-', '_' and '.'.";
                return false;
            }
        }

        error = "";
        return true;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
