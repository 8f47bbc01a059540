using System.Globalization;
using Azure.Data.Tables;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>A comment's row: its fields, the author's email hash, the passage it is about, and its post key.</summary>
internal static class CommentRows
{
    public static string Key(long id) => string.Create(CultureInfo.InvariantCulture, $"c-{id:D12}");

    public static TableEntity Write(string slug, StoredComment stored)
    {
        var c = stored.Comment;
        var row = new TableEntity(slug, Key(c.Id))
        {
            ["Id"] = c.Id,
            ["ParentId"] = c.ParentId,
            ["Depth"] = c.Depth,
            ["AuthorId"] = c.Author.Id,
            ["AuthorName"] = c.Author.DisplayName,
            ["IsStaff"] = c.Author.IsStaff,
            ["EmailHash"] = stored.EmailHash,
            ["Text"] = c.Text,
            ["PostedAt"] = c.PostedAt,
            ["Status"] = c.Status.ToString(),
            ["EditedAt"] = c.EditedAt,
            ["Featured"] = c.Featured,
            ["ReplyingTo"] = c.ReplyingTo,
            ["RepliedToId"] = c.RepliedToId,
            ["HeldBy"] = c.HeldBy.ToString(),
            ["HoldReason"] = c.HoldReason,
            ["PostKey"] = stored.PostKey,
        };
        if (stored.Anchor is { } anchor)
        {
            row["AnchorVersion"] = anchor.Version;
            row["AnchorFrom"] = anchor.From;
            row["AnchorTo"] = anchor.To;
            row["AnchorQuote"] = anchor.Quote;
        }

        return row;
    }

    public static StoredComment Read(TableEntity row)
    {
        var author = new CommentAuthor(row.GetString("AuthorId") ?? "", row.GetString("AuthorName") ?? "", row.GetBoolean("IsStaff") ?? false);
        var comment = new Comment(
            row.GetInt64("Id") ?? 0,
            row.GetInt64("ParentId"),
            row.GetInt32("Depth") ?? 1,
            author,
            row.GetString("Text") ?? "",
            row.GetDateTimeOffset("PostedAt") ?? default,
            Enum.Parse<CommentStatus>(row.GetString("Status") ?? nameof(CommentStatus.Published)))
        {
            EditedAt = row.GetDateTimeOffset("EditedAt"),
            Featured = row.GetBoolean("Featured") ?? false,
            ReplyingTo = row.GetString("ReplyingTo"),
            RepliedToId = row.GetInt64("RepliedToId"),
            HeldBy = Enum.Parse<ModerationRule>(row.GetString("HeldBy") ?? nameof(ModerationRule.None)),
            HoldReason = row.GetString("HoldReason"),
        };
        var anchor = row.GetInt32("AnchorVersion") is { } version
            ? new InlineAnchor(version, row.GetInt32("AnchorFrom") ?? 0, row.GetInt32("AnchorTo") ?? 0, row.GetString("AnchorQuote") ?? "")
            : null;
        return new StoredComment(comment, row.GetString("EmailHash"), anchor, row.GetString("PostKey"));
    }
}
