using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Newsroom.Core.Comments;

namespace Newsroom.Grains.Comments.Storage;

/// <summary>
/// <see cref="ICommentStore"/> in Azure Table storage: table <see cref="TableName"/>; partitions <c>{slug}~thread</c>
/// (ratings and settings) and <c>{slug}~d{n:D10}</c> (the discussions whose top-level ids divided by
/// <see cref="ICommentStore.DiscussionsPerPartition"/> give n); rows <c>meta</c> (the counters as of the partition's
/// last change), <c>c-{id:D12}</c> (a comment), <c>v-{id:D12}-{voter}</c> (a vote), <c>r-{reader}</c> (a rating),
/// <c>m-{n:D12}</c> (a moderator's decision) and <c>p-{id:D12}-{reporter}</c> (a report). Ids of people are
/// percent-encoded, since a key may not hold '/', '\', '#' or '?'. A change is one entity group transaction.
/// </summary>
/// <remarks>
/// Why a thread is split: Azurite (the tests' and the benchmark's storage) looks a row up by scanning its partition,
/// so a transaction in a 10,000-comment partition took 4-5 times as long as in a 100-comment one (the "tables"
/// benchmark); Azure Table storage finds a row by its key whatever the partition's size, and serves each partition up
/// to its own throughput limit, which the split spreads as well. The counters only grow, so reading takes the highest
/// of each over all partitions; the settings are the thread partition's.
/// </remarks>
internal sealed class TableCommentStore(TableServiceClient tables) : ICommentStore
{
    public const string TableName = "comments";

    private const string MetaRow = "meta";
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<StoredCommentThread> LoadAsync(string slug, CancellationToken cancellationToken = default)
    {
        var meta = CommentThreadMeta.Empty;
        var threadPartition = Partition(slug, null);
        var comments = new List<StoredComment>();
        var votes = new List<StoredCommentVote>();
        var ratings = new List<KeyValuePair<string, int>>();
        var decisions = new List<CommentDecision>();
        var reports = new List<CommentReport>();
        var prefix = PartitionPrefix(slug);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + "~"}");
        await foreach (var row in _table.QueryAsync(filter, cancellationToken))
        {
            switch (row.RowKey[0])
            {
                case 'm' when row.RowKey == MetaRow:
                    meta = Later(meta, ReadMeta(row), row.PartitionKey == threadPartition);
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
        var table = await _table.ReadyAsync(cancellationToken);
        var partition = Partition(slug, write.Discussion);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpsertReplace, WriteMeta(partition, write.Meta, write.Discussion is null)),
        };
        actions.AddRange(write.Comments.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CommentRows.Write(partition, c))));
        actions.AddRange(write.NewComments.Select(c => new TableTransactionAction(TableTransactionActionType.Add, CommentRows.Write(partition, c))));
        actions.AddRange(write.RemovedComments.Select(id => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, CommentRows.Key(id)))));
        foreach (var vote in write.Votes)
        {
            var row = new TableEntity(partition, $"v-{vote.CommentId:D12}-{Uri.EscapeDataString(vote.VoterId)}")
            {
                ["CommentId"] = vote.CommentId,
                ["VoterId"] = vote.VoterId,
                ["Vote"] = (int)vote.Vote,
            };
            actions.Add(new(vote.Vote == CommentVote.None ? TableTransactionActionType.Delete : TableTransactionActionType.UpsertReplace, row));
        }

        if (write.Rating is { } rating)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"r-{Uri.EscapeDataString(rating.Key)}")
            {
                ["ReaderId"] = rating.Key,
                ["Stars"] = rating.Value,
            }));
        }

        if (write.Decision is { } decision)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, string.Create(CultureInfo.InvariantCulture, $"m-{write.Meta.LastDecision:D12}"))
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
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"p-{report.CommentId:D12}-{Uri.EscapeDataString(report.ReporterId)}")
            {
                ["CommentId"] = report.CommentId,
                ["ReporterId"] = report.ReporterId,
                ["At"] = report.At,
                ["Reason"] = report.Reason,
            }));
        }

        await table.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>
    /// The partition of a discussion, or of the thread as a whole. '~' ends the slug's part: a slug's own '~' and '%'
    /// are percent-encoded, so no slug's partitions fall within another's range.
    /// </summary>
    internal static string Partition(string slug, long? discussion) =>
        discussion is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"{PartitionPrefix(slug)}d{id / ICommentStore.DiscussionsPerPartition:D10}")
            : $"{PartitionPrefix(slug)}thread";

    private static string PartitionPrefix(string slug) => slug.Replace("%", "%25", StringComparison.Ordinal).Replace("~", "%7E", StringComparison.Ordinal) + "~";

    private static TableEntity WriteMeta(string partition, CommentThreadMeta meta, bool withSettings)
    {
        var row = new TableEntity(partition, MetaRow)
        {
            ["LastId"] = meta.LastId,
            ["ChannelVersion"] = meta.ChannelVersion,
            ["LastDecision"] = meta.LastDecision,
        };
        if (withSettings)
        {
            row["Settings"] = JsonSerializer.Serialize(CommentSettingsChange.From(meta.Overrides), _json);
        }

        return row;
    }

    private static CommentThreadMeta ReadMeta(TableEntity row) => new(
        row.GetInt64("LastId") ?? 0,
        row.GetInt64("ChannelVersion") ?? 0,
        row.GetInt64("LastDecision") ?? 0,
        (JsonSerializer.Deserialize<CommentSettingsChange>(row.GetString("Settings") ?? "{}", _json) ?? new()).ToCore());

    /// <summary>Each counter's highest value seen, and the settings of the thread partition.</summary>
    private static CommentThreadMeta Later(CommentThreadMeta seen, CommentThreadMeta row, bool isThreadPartition) => new(
        Math.Max(seen.LastId, row.LastId),
        Math.Max(seen.ChannelVersion, row.ChannelVersion),
        Math.Max(seen.LastDecision, row.LastDecision),
        isThreadPartition ? row.Overrides : seen.Overrides);
}
