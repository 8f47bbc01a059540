using Azure.Data.Tables;

namespace Newsroom.Grains.Comments.Storage;

/// <summary><see cref="ICommentBanStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = newsroom, row = the person's id (percent-encoded).</summary>
internal sealed class TableCommentBanStore(TableServiceClient tables) : ICommentBanStore
{
    public const string TableName = "commentbans";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private volatile bool _tableExists;

    public async Task<IReadOnlyList<CommentBan>> LoadAsync(string newsroom, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var bans = new List<CommentBan>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == newsroom, cancellationToken: cancellationToken))
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
        await EnsureTableAsync(cancellationToken);
        await _table.UpsertEntityAsync(
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
        await EnsureTableAsync(cancellationToken);
        await _table.DeleteEntityAsync(newsroom, Uri.EscapeDataString(authorId), cancellationToken: cancellationToken);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
