using System.Globalization;

namespace Newsroom.Core.Notifications;

/// <summary>
/// Something a person is told about, once. <see cref="EventId"/> names the event that caused it and is the dedupe
/// key: the same event delivered twice is one notification (for example <c>draft-assigned:{draftId}:{ticks}</c>).
/// <see cref="Title"/> and <see cref="Excerpt"/> are plain text that may hold what people wrote (names, comment
/// excerpts): every view shows them as text, never as markup. <see cref="Link"/> is a site-relative address.
/// Made only valid: the constructor refuses anything outside <see cref="NotificationLimits"/>.
/// </summary>
public sealed record Notification
{
    public Notification(string eventId, NotificationKind kind, string title, string excerpt, string link, NotificationActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EventId = Check(eventId, "event id", NotificationLimits.MaxEventIdLength, TextRule.Token);
        Kind = Enum.IsDefined(kind) ? kind : throw new NotificationFormatException($"Notification kind {(int)kind} is unknown.");
        Title = Check(title, "title", NotificationLimits.MaxTitleLength, TextRule.Line);
        Excerpt = Check(excerpt ?? "", "excerpt", NotificationLimits.MaxExcerptLength, TextRule.Lines, required: false);
        Link = CheckLink(link);
        Actor = new NotificationActor(
            Check(actor.Id, "actor id", NotificationLimits.MaxActorIdLength, TextRule.Token),
            Check(actor.DisplayName, "actor name", NotificationLimits.MaxActorNameLength, TextRule.Line));
        At = at;
    }

    public string EventId { get; }

    public NotificationKind Kind { get; }

    public string Title { get; }

    public string Excerpt { get; }

    public string Link { get; }

    public NotificationActor Actor { get; }

    public DateTimeOffset At { get; }

    /// <summary>
    /// Cuts user-written text to fit a part of a notification: whitespace runs (line breaks too) become one space,
    /// control characters go, and a text longer than <paramref name="max"/> ends in "…" without splitting a pair.
    /// </summary>
    public static string Fit(string? text, int max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var cleaned = new System.Text.StringBuilder();
        var space = false;
        foreach (var c in (text ?? "").Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = cleaned.Length > 0;
                continue;
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                continue;
            }

            if (space)
            {
                cleaned.Append(' ');
                space = false;
            }

            cleaned.Append(c);
        }

        if (cleaned.Length <= max)
        {
            return cleaned.ToString();
        }

        var cut = max - 1;
        cut -= char.IsHighSurrogate(cleaned[cut - 1]) ? 1 : 0;
        return cleaned.ToString(0, cut) + "…";
    }

    private enum TextRule
    {
        /// <summary>Printable ASCII without spaces: ids that end up in keys and logs.</summary>
        Token,

        /// <summary>One line of text: no control characters.</summary>
        Line,

        /// <summary>Text with line breaks allowed, no other control characters.</summary>
        Lines,
    }

    private static string Check(string? value, string part, int max, TextRule rule, bool required = true)
    {
        if (value is null || (required && value.Trim().Length == 0))
        {
            throw new NotificationFormatException($"A notification's {part} is required.");
        }

        if (value.Length > max)
        {
            throw new NotificationFormatException($"A notification's {part} may be at most {max} characters long; got {value.Length}.");
        }

        foreach (var c in value)
        {
            var bad = rule switch
            {
                TextRule.Token => c is <= ' ' or > '~',
                TextRule.Line => char.IsControl(c),
                _ => char.IsControl(c) && c != '\n',
            };
            if (bad)
            {
                throw new NotificationFormatException(rule == TextRule.Token
                    ? $"A notification's {part} may hold only printable ASCII without spaces; found U+{(int)c:X4}."
                    : $"A notification's {part} may not hold control characters; found U+{(int)c:X4}.");
            }
        }

        return value;
    }

    // Site-relative only: "//host/..." and "/\host" are addresses on another site to a browser.
    private static string CheckLink(string? link)
    {
        link = Check(link, "link", NotificationLimits.MaxLinkLength, TextRule.Token);
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\', StringComparison.Ordinal))
        {
            throw new NotificationFormatException($"A notification's link must be an address on this site starting with one '/'; got '{Short(link)}'.");
        }

        return link;
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
