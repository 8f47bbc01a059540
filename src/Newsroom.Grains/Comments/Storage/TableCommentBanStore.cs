using Azure.Data.Tables;

namespace Newsroom.Grains.Comments.Storage;

/// <summary><see cref="ICommentBanStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = newsroom, row = the person's id (percent-encoded).</summary>
internal sealed class TableCommentBanStore(TableServiceClient tables) : ICommentBanStore
{
    public const string TableName = "commentbans";

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<CommentBan>> LoadAsync(string newsroom, CancellationToken cancellationToken = default)
    {
        var bans = new List<CommentBan>();
        await foreach (var row in _table.PartitionAsync(newsroom, cancellationToken))
        {
            bans.Add(new CommentBan(
                row.GetString(nameof(CommentBan.AuthorId)) ?? "",
                row.GetString(nameof(CommentBan.EmailHash)),
                row.GetString(nameof(CommentBan.AuthorName)) ?? "",
                row.GetBoolean(nameof(CommentBan.IsStaff)) ?? false,
                row.GetString(nameof(CommentBan.By)) ?? "",
                row.GetDateTimeOffset(nameof(CommentBan.At)) ?? default,
                row.GetString(nameof(CommentBan.Reason)) ?? ""));
        }

        return bans;
    }

    public async Task SaveAsync(string newsroom, CommentBan ban, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ban);
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(newsroom, Uri.EscapeDataString(ban.AuthorId))
            {
                [nameof(CommentBan.AuthorId)] = ban.AuthorId,
                [nameof(CommentBan.EmailHash)] = ban.EmailHash,
                [nameof(CommentBan.AuthorName)] = ban.AuthorName,
                [nameof(CommentBan.IsStaff)] = ban.IsStaff,
                [nameof(CommentBan.By)] = ban.By,
                [nameof(CommentBan.At)] = ban.At,
                [nameof(CommentBan.Reason)] = ban.Reason,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task DeleteAsync(string newsroom, string authorId, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        await table.DeleteEntityAsync(newsroom, Uri.EscapeDataString(authorId), cancellationToken: cancellationToken);
    }
}
