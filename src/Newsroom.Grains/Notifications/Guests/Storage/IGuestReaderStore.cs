namespace Newsroom.Grains.Notifications.Guests.Storage;

/// <summary>A guest reader's confirmations, a row each: confirming an email writes one row.</summary>
public interface IGuestReaderStore
{
    Task<IReadOnlyList<GuestConfirmation>> LoadAsync(string guestId, CancellationToken cancellationToken = default);

    /// <summary>Adds the row; throws <see cref="GuestLinkUsedException"/> when a row with that nonce is already there.</summary>
    Task AddAsync(string guestId, GuestConfirmation confirmation, CancellationToken cancellationToken = default);
}

/// <summary>One confirmed email: its hash, the nonce of the link that confirmed it, and when.</summary>
public sealed record GuestConfirmation(string EmailHash, string Nonce, DateTimeOffset At);

/// <summary>The store already holds a confirmation by that link (another silo, or a double POST, was first).</summary>
public sealed class GuestLinkUsedException : Exception
{
    public GuestLinkUsedException()
    {
    }

    public GuestLinkUsedException(string message)
        : base(message)
    {
    }

    public GuestLinkUsedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
