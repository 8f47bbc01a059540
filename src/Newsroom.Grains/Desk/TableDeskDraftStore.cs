using Azure.Data.Tables;
using Newsroom.Core.Publishing;

namespace Newsroom.Grains.Desk;

/// <summary>
/// <see cref="IDeskDraftStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = desk, row =
/// draft id. Draft ids and desk names are letters, digits and '-', all allowed in keys.
/// </summary>
internal sealed class TableDeskDraftStore(TableServiceClient tables) : IDeskDraftStore
{
    public const string TableName = "deskdrafts";

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private volatile bool _tableExists;

    public async Task<IReadOnlyList<DraftSummary>> LoadAsync(string desk, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(desk);
        await EnsureTableAsync(cancellationToken);
        var drafts = new List<DraftSummary>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == desk, cancellationToken: cancellationToken))
        {
            drafts.Add(new DraftSummary(
                row.RowKey,
                row.GetString(nameof(DraftSummary.Headline)) ?? "",
                row.GetDateTimeOffset(nameof(DraftSummary.LastChangedAt)),
                row.GetString(nameof(DraftSummary.LastChangedBy)),
                [],
                Enum.TryParse<DraftStatus>(row.GetString(nameof(DraftSummary.Status)), out var status) ? status : DraftStatus.Draft,
                row.GetString(nameof(DraftSummary.AssignedTo))));
        }

        return drafts;
    }

    public async Task SaveAsync(string desk, DraftSummary draft, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(desk);
        ArgumentNullException.ThrowIfNull(draft);
        await EnsureTableAsync(cancellationToken);
        var row = new TableEntity(desk, draft.Id)
        {
            [nameof(DraftSummary.Headline)] = draft.Headline,
            [nameof(DraftSummary.LastChangedAt)] = draft.LastChangedAt,
            [nameof(DraftSummary.LastChangedBy)] = draft.LastChangedBy,
            [nameof(DraftSummary.Status)] = draft.Status.ToString(),
            [nameof(DraftSummary.AssignedTo)] = draft.AssignedTo,
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    // Not cached when it fails: storage that was down at the first call is tried again at the next.
    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
