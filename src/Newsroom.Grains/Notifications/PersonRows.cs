using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications;

/// <summary>
/// Where one person's rows (their inbox, their mailbox) live in a table everyone shares: one of
/// <see cref="Partitions"/> partitions (<c>h00</c> to <c>hff</c>: the first byte of a SHA-256 of their inbox key), and
/// row keys <c>{inboxKey}|{row}</c>. Thousands of people told of one comment then fall into a few hundred partitions,
/// and their writes share table transactions (<see cref="TableGroupCommit"/>) instead of costing one each; a person's
/// rows are still one row-key range of one partition, read in one query.
/// </summary>
/// <remarks>
/// Why 256 and not fewer: a partition's rows grow with everyone's inbox in it, and Azurite finds a row by scanning its
/// partition (seen in its <c>LokiTableMetadataStore.findOne</c>), so each write cost grew with the partition; with 32,
/// that scan was the largest single cost of a 5,000-subscriber fan-out. Azure Table storage also serves each partition
/// at about 2,000 entities/s, so more partitions carry a larger fan-out. Rows laid out by the first, 32-partition
/// layout are moved at start (<see cref="PersonRowsMigration"/>).
/// </remarks>
internal static class PersonRows
{
    public const int Partitions = 256;

    // '|' sorts after every character an inbox key holds (letters, digits, "-_.:"), and '}' right after '|': so
    // "{key}|" to "{key}}" holds this person's rows and nobody else's, even one whose key starts with this key.
    private const char Separator = '|';

    public static string Partition(string person) =>
        $"h{SHA256.HashData(Encoding.UTF8.GetBytes(person))[0] % Partitions:x2}";

    public static string Row(string person, string row) => person + Separator + row;

    /// <summary>The row's own key, without the person's prefix.</summary>
    public static string RowOf(string person, string rowKey) => rowKey[(person.Length + 1)..];

    public static TableEntity Entity(string person, string row) => new(Partition(person), Row(person, row));

    /// <summary>This person's rows, or only those whose own key starts with <paramref name="rowPrefix"/>.</summary>
    public static string Filter(string person, string rowPrefix = "")
    {
        var from = Row(person, rowPrefix);
        var to = rowPrefix.Length == 0
            ? person + (char)(Separator + 1)
            : from[..^1] + (char)(from[^1] + 1);
        return TableClient.CreateQueryFilter($"PartitionKey eq {Partition(person)} and RowKey ge {from} and RowKey lt {to}");
    }
}
