using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>
/// <see cref="ICommentStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = the story's slug;
/// rows <c>meta</c>, <c>c-{id:D12}</c> (a comment), <c>v-{id:D12}-{voter}</c> (a vote), <c>r-{reader}</c> (a rating),
/// <c>m-{n:D12}</c> (a moderator's decision) and <c>p-{id:D12}-{reporter}</c> (a report). Ids of people are
/// percent-encoded, since a row key may not hold '/', '\', '#' or '?'. A change is one entity group transaction.
/// </summary>
internal sealed class TableCommentStore(TableServiceClient tables) : ICommentStore
{
    public const string TableName = "comments";

    private const string MetaRow = "meta";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table = tables.GetTableClient(TableName);
    private volatile bool _tableExists;

    public async Task<StoredCommentThread> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        await EnsureTableAsync(cancellationToken);
        var meta = CommentThreadMeta.Empty;
        var comments = new List<StoredComment>();
        var votes = new List<StoredCommentVote>();
        var ratings = new List<KeyValuePair<string, int>>();
        var decisions = new List<CommentDecision>();
        var reports = new List<CommentReport>();
        await foreach (var row in _table.QueryAsync<TableEntity>(e => e.PartitionKey == slug, cancellationToken: cancellationToken))
        {
            switch (row.RowKey[0])
            {
                case 'm' when row.RowKey == MetaRow:
                    meta = ReadMeta(row);
                    break;
                case 'c':
                    comments.Add(CommentRows.Read(row));
                    break;
                case 'v':
                    votes.Add(new StoredCommentVote(row.GetInt64("CommentId") ?? 0, row.GetString("VoterId") ?? "", (CommentVote)(row.GetInt32("Vote") ?? 0)));
                    break;
                case 'r':
                    ratings.Add(new(row.GetString("ReaderId") ?? "", row.GetInt32("Stars") ?? 0));
                    break;
                case 'm':
                    decisions.Add(new CommentDecision(
                        row.GetInt64("CommentId") ?? 0,
                        Enum.Parse<CommentModerationAction>(row.GetString("Action") ?? ""),
                        row.GetString("By") ?? "",
                        row.GetDateTimeOffset("At") ?? default,
                        row.GetString("Reason") ?? ""));
                    break;
                case 'p':
                    reports.Add(new CommentReport(
                        row.GetInt64("CommentId") ?? 0, row.GetString("ReporterId") ?? "", row.GetDateTimeOffset("At") ?? default, row.GetString("Reason") ?? ""));
                    break;
            }
        }

        return new StoredCommentThread(meta, comments, votes, ratings, decisions, reports);
    }

    public async Task WriteAsync(string slug, CommentWrite write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(write);
        await EnsureTableAsync(cancellationToken);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, WriteMeta(slug, write.Meta)),
        };
        actions.AddRange(write.Comments.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CommentRows.Write(slug, c))));
        actions.AddRange(write.RemovedComments.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(slug, CommentRows.Key(id)))));
        foreach (var vote in write.Votes)
        {
            var row = new TableEntity(slug, $"v-{vote.CommentId:D12}-{Uri.EscapeDataString(vote.VoterId)}")
            {
                ["CommentId"] = vote.CommentId,
                ["VoterId"] = vote.VoterId,
                ["Vote"] = (int)vote.Vote,
            };
            actions.Add(new(vote.Vote == CommentVote.None ? TableTransactionActionType.Delete : TableTransactionActionType.UpsertReplace, row));
        }

        if (write.Rating is { } rating)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(slug, $"r-{Uri.EscapeDataString(rating.Key)}")
            {
                ["ReaderId"] = rating.Key,
                ["Stars"] = rating.Value,
            }));
        }

        if (write.Decision is { } decision)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(slug, string.Create(CultureInfo.InvariantCulture, $"m-{write.Meta.LastDecision:D12}"))
            {
                ["CommentId"] = decision.CommentId,
                ["Action"] = decision.Action.ToString(),
                ["By"] = decision.By,
                ["At"] = decision.At,
                ["Reason"] = decision.Reason,
            }));
        }

        if (write.Report is { } report)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(slug, $"p-{report.CommentId:D12}-{Uri.EscapeDataString(report.ReporterId)}")
            {
                ["CommentId"] = report.CommentId,
                ["ReporterId"] = report.ReporterId,
                ["At"] = report.At,
                ["Reason"] = report.Reason,
            }));
        }

        await _table.SubmitTransactionAsync(actions, cancellationToken);
    }

    private static TableEntity WriteMeta(string slug, CommentThreadMeta meta) => new(slug, MetaRow)
    {
        ["LastId"] = meta.LastId,
        ["ChannelVersion"] = meta.ChannelVersion,
        ["LastDecision"] = meta.LastDecision,
        ["Settings"] = JsonSerializer.Serialize(CommentSettingsChange.From(meta.Overrides), _json),
    };

    private static CommentThreadMeta ReadMeta(TableEntity row) => new(
        row.GetInt64("LastId") ?? 0,
        row.GetInt64("ChannelVersion") ?? 0,
        row.GetInt64("LastDecision") ?? 0,
        (JsonSerializer.Deserialize<CommentSettingsChange>(row.GetString("Settings") ?? "{}", _json) ?? new()).ToCore());

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (!_tableExists)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _tableExists = true;
        }
    }
}
