using System.Text.Json;
using Azure.Data.Tables;

namespace Newsroom.Grains.Articles.Storage;

/// <summary><see cref="IStoryStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = index, row = slug.</summary>
internal sealed class TableStoryStore(TableServiceClient tables) : IStoryStore
{
    public const string TableName = "stories";

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<StorySummary>> LoadAsync(string index, CancellationToken cancellationToken = default)
    {
        var stories = new List<StorySummary>();
        await foreach (var row in _table.PartitionAsync(index, cancellationToken))
        {
            stories.Add(new StorySummary(
                row.RowKey,
                row.GetString(nameof(StorySummary.Headline)) ?? "",
                row.GetString(nameof(StorySummary.Standfirst)) ?? "",
                row.GetString(nameof(StorySummary.Section)) ?? "",
                JsonSerializer.Deserialize<string[]>(row.GetString(nameof(StorySummary.Tags)) ?? "[]") ?? [],
                row.GetString(nameof(StorySummary.Byline)) ?? "",
                row.GetDateTimeOffset(nameof(StorySummary.PublishedAt)) ?? DateTimeOffset.MinValue,
                row.GetDateTimeOffset(nameof(StorySummary.UpdatedAt)) ?? DateTimeOffset.MinValue,
                row.GetBoolean(nameof(StorySummary.Withdrawn)) ?? false));
        }

        return stories;
    }

    public async Task SaveAsync(string index, StorySummary story, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(story);
        var table = await _table.ReadyAsync(cancellationToken);
        var row = new TableEntity(index, story.Slug)
        {
            [nameof(StorySummary.Headline)] = story.Headline,
            [nameof(StorySummary.Standfirst)] = story.Standfirst,
            [nameof(StorySummary.Section)] = story.Section,
            [nameof(StorySummary.Tags)] = JsonSerializer.Serialize(story.Tags),
            [nameof(StorySummary.Byline)] = story.Byline,
            [nameof(StorySummary.PublishedAt)] = story.PublishedAt,
            [nameof(StorySummary.UpdatedAt)] = story.UpdatedAt,
            [nameof(StorySummary.Withdrawn)] = story.Withdrawn,
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
