using System.Globalization;

namespace Newsroom.Core.Comments;

/// <summary>Durations and times as the edit-window refusal words them, the same on every server whatever its culture.</summary>
internal static class EditWindowText
{
    /// <summary>"10 minutes", "1 minute", "1 hour", "90 seconds".</summary>
    public static string Describe(TimeSpan window)
    {
        if (window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours))
        {
            return Plural((int)window.TotalHours, "hour");
        }

        return window.TotalMinutes == Math.Floor(window.TotalMinutes)
            ? Plural((int)window.TotalMinutes, "minute")
            : Plural((int)Math.Round(window.TotalSeconds), "second");
    }

    /// <summary>"15:42 UTC on 30 November 2026": a guest's time zone is not known to the server.</summary>
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture) + " UTC on " + CommentsOpening.Day(at);

    private static string Plural(int count, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {unit}{(count == 1 ? "" : "s")}");
}
