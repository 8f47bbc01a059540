using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Newsroom.Core.Comments;

/// <summary>
/// Where the next page starts: the last comment shown, as its place in the sort order (featured or not, the sort key,
/// the id). The next page is everything strictly after that place, so comments posted meanwhile never shift a page
/// (as an offset would): newer ones sort before a "newest" cursor and after an "oldest" one, where the reader's
/// "N new comments" button or the last page picks them up. Under "most voted", a comment whose score changes between
/// two pages may move past the cursor; that is the nature of a live score, and no comment that kept its place is
/// shown twice or skipped.
/// </summary>
/// <remarks>Written as <c>n1.42.42</c>: sort letter, featured 0/1, key, id. Opaque to readers, readable in logs.</remarks>
public readonly record struct CommentCursor(CommentSort Sort, bool Featured, long Key, long Id)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Letter(Sort)}{(Featured ? 1 : 0)}.{Key}.{Id}");

    /// <summary>Reads a cursor made by <see cref="ToString"/> for <paramref name="sort"/>; anything else gets a reason.</summary>
    public static bool TryParse(string? text, CommentSort sort, out CommentCursor cursor, [NotNullWhen(false)] out string? error)
    {
        cursor = default;
        var parts = text?.Split('.') ?? [];
        if (parts.Length != 3 || parts[0].Length != 2)
        {
            error = "That page link is not one this newsroom made; reload the comments.";
            return false;
        }

        if (parts[0][0] != Letter(sort))
        {
            error = "That page link belongs to another sort order; reload the comments.";
            return false;
        }

        if (parts[0][1] is not ('0' or '1')
            || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            error = "That page link is not one this newsroom made; reload the comments.";
            return false;
        }

        cursor = new CommentCursor(sort, parts[0][1] == '1', key, id);
        error = null;
        return true;
    }

    private static char Letter(CommentSort sort) => sort switch
    {
        CommentSort.Newest => 'n',
        CommentSort.Oldest => 'o',
        _ => 'v',
    };
}
