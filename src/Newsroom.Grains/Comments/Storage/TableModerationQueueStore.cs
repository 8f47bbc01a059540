using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>
/// <see cref="IModerationQueueStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = the queue's
/// name, row = <c>{slug}:{id:D12}</c> (<see cref="ModerationEntry.Key"/>; slugs hold no character a row key refuses).
/// </summary>
internal sealed class TableModerationQueueStore(TableServiceClient tables) : IModerationQueueStore
{
    public const string TableName = "moderationqueue";

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<ModerationEntry>> LoadAsync(string queue, CancellationToken cancellationToken = default)
    {
        var entries = new List<ModerationEntry>();
        await foreach (var row in _table.PartitionAsync(queue, cancellationToken))
        {
            entries.Add(new ModerationEntry(
                row.GetString(nameof(ModerationEntry.Slug)) ?? "",
                row.GetInt64(nameof(ModerationEntry.CommentId)) ?? 0,
                row.GetString(nameof(ModerationEntry.AuthorName)) ?? "",
                row.GetBoolean(nameof(ModerationEntry.IsStaff)) ?? false,
                row.GetString(nameof(ModerationEntry.Excerpt)) ?? "",
                row.GetString(nameof(ModerationEntry.Html)) ?? "",
                Enum.Parse<CommentStatus>(row.GetString(nameof(ModerationEntry.Status)) ?? nameof(CommentStatus.Pending)),
                Enum.Parse<ModerationRule>(row.GetString(nameof(ModerationEntry.HeldBy)) ?? nameof(ModerationRule.None)),
                row.GetString(nameof(ModerationEntry.HoldReason)),
                row.GetInt32(nameof(ModerationEntry.ReportCount)) ?? 0,
                JsonSerializer.Deserialize<string[]>(row.GetString(nameof(ModerationEntry.ReportReasons)) ?? "[]") ?? [],
                row.GetDateTimeOffset(nameof(ModerationEntry.PostedAt)) ?? default,
                row.GetDateTimeOffset(nameof(ModerationEntry.Since)) ?? default,
                row.GetInt32(nameof(ModerationEntry.AuthorPublished)) ?? 0,
                row.GetInt32(nameof(ModerationEntry.AuthorRejected)) ?? 0));
        }

        return entries;
    }

    public async Task SaveAsync(string queue, ModerationEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await _table.ReadyAsync(cancellationToken);
        await table.UpsertEntityAsync(
            new TableEntity(queue, entry.Key)
            {
                [nameof(ModerationEntry.Slug)] = entry.Slug,
                [nameof(ModerationEntry.CommentId)] = entry.CommentId,
                [nameof(ModerationEntry.AuthorName)] = entry.AuthorName,
                [nameof(ModerationEntry.IsStaff)] = entry.IsStaff,
                [nameof(ModerationEntry.Excerpt)] = entry.Excerpt,
                [nameof(ModerationEntry.Html)] = entry.Html,
                [nameof(ModerationEntry.Status)] = entry.Status.ToString(),
                [nameof(ModerationEntry.HeldBy)] = entry.HeldBy.ToString(),
                [nameof(ModerationEntry.HoldReason)] = entry.HoldReason,
                [nameof(ModerationEntry.ReportCount)] = entry.ReportCount,
                [nameof(ModerationEntry.ReportReasons)] = JsonSerializer.Serialize(entry.ReportReasons),
                [nameof(ModerationEntry.PostedAt)] = entry.PostedAt,
                [nameof(ModerationEntry.Since)] = entry.Since,
                [nameof(ModerationEntry.AuthorPublished)] = entry.AuthorPublished,
                [nameof(ModerationEntry.AuthorRejected)] = entry.AuthorRejected,
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    public async Task DeleteAsync(string queue, string slug, long commentId, CancellationToken cancellationToken = default)
    {
        var table = await _table.ReadyAsync(cancellationToken);
        try
        {
            await table.DeleteEntityAsync(queue, ModerationEntry.KeyOf(slug, commentId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException gone) when (gone.Status == 404)
        {
            // Already gone: leaving the queue twice is leaving it once.
        }
    }
}
