using System.Globalization;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles;

namespace Newsroom.Server.Pages.Articles;

/// <summary>How reader pages write times, kinds of change and addresses.</summary>
public static class ReaderText
{
    /// <summary>For <c>&lt;time datetime&gt;</c>, feeds and sitemaps: UTC, to the second.</summary>
    public static string Machine(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Human(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Kind(ArticleChangeKind kind) => kind switch
    {
        ArticleChangeKind.Correction => "Correction",
        ArticleChangeKind.Update => "Update",
        _ => "Published",
    };

    /// <summary>The note without a leading "Correction:" or "Update:", where the page already names the kind.</summary>
    public static string NoteAfterKind(ArticleRevision revision)
    {
        var prefix = Kind(revision.Kind) + ":";
        return revision.Note.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? revision.Note[prefix.Length..].TrimStart() : revision.Note;
    }

    /// <summary>Whether <paramref name="slug"/> could name a story at all (it must make a channel key); anything else is a 404 without asking a grain.</summary>
    public static bool IsPossibleSlug(string? slug) => ChannelName.TryParse($"article:{slug}", out _, out _);

    public static string ArticlePath(string slug) => $"/articles/{Uri.EscapeDataString(slug)}";

    public static string SectionPath(string sectionSlug) => $"/sections/{Uri.EscapeDataString(sectionSlug)}";

    /// <summary>This site's address as the reader reached it, for canonical links, feeds and sitemaps.</summary>
    public static string Absolute(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{path}";
}
