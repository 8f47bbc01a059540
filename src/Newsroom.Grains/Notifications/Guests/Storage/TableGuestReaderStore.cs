using Azure;
using Azure.Data.Tables;

namespace Newsroom.Grains.Notifications.Guests.Storage;

/// <summary>
/// <see cref="IGuestReaderStore"/> in Azure Table storage: table <see cref="TableName"/>, partition = guest id, row =
/// the confirmation link's nonce. Added, never replaced, so storage itself refuses a link used twice.
/// </summary>
internal sealed class TableGuestReaderStore(TableServiceClient tables) : IGuestReaderStore
{
    public const string TableName = "guestreaders";

    private readonly StoreTable _table = new(tables, TableName);

    public async Task<IReadOnlyList<GuestConfirmation>> LoadAsync(string guestId, CancellationToken cancellationToken = default)
    {
        var confirmations = new List<GuestConfirmation>();
        await foreach (var row in _table.PartitionAsync(guestId, cancellationToken))
        {
            confirmations.Add(new GuestConfirmation(
                row.GetString(nameof(GuestConfirmation.EmailHash)) ?? "", row.RowKey, row.GetDateTimeOffset(nameof(GuestConfirmation.At)) ?? default));
        }

        return confirmations;
    }

    public async Task AddAsync(string guestId, GuestConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var table = await _table.ReadyAsync(cancellationToken);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(guestId, confirmation.Nonce)
                {
                    [nameof(GuestConfirmation.EmailHash)] = confirmation.EmailHash,
                    [nameof(GuestConfirmation.At)] = confirmation.At,
                },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new GuestLinkUsedException($"The confirmation link {confirmation.Nonce} was already used.", e);
        }
    }
}
