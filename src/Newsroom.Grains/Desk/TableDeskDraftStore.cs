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

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<DraftSummary>> LoadAsync(string desk, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(desk);
        var drafts = new List<DraftSummary>();
        await foreach (var row in _table.PartitionAsync(desk, cancellationToken))
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
        var table = await _table.ReadyAsync(cancellationToken);
        var row = new TableEntity(desk, draft.Id)
        {
            [nameof(DraftSummary.Headline)] = draft.Headline,
            [nameof(DraftSummary.LastChangedAt)] = draft.LastChangedAt,
            [nameof(DraftSummary.LastChangedBy)] = draft.LastChangedBy,
            [nameof(DraftSummary.Status)] = draft.Status.ToString(),
            [nameof(DraftSummary.AssignedTo)] = draft.AssignedTo,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
