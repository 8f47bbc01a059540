using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Guests.Storage;

namespace Newsroom.Grains.Notifications.Guests;

/// <summary>A guest reader's confirmed emails in memory, a row each (<see cref="IGuestReaderStore"/>), stored before they count.</summary>
public sealed class GuestReaderGrain(IGuestReaderStore store, TimeProvider time) : Grain, IGuestReaderGrain
{
    /// <summary>The most confirmations one guest keeps; each needed an email, so this is far beyond any reader's.</summary>
    public const int MaxConfirmations = 1000;

    private readonly List<GuestConfirmation> _confirmations = [];

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!GuestReaderKey.IsValid(Key))
        {
            throw new GuestReaderException($"'{Key}' is not a guest id (g- and 24 hex digits).");
        }

        _confirmations.AddRange((await store.LoadAsync(Key, cancellationToken)).OrderBy(c => c.At));
    }

    public async Task<bool> Confirm(string emailHash, string nonce)
    {
        // The same check as the inbox key's, so a confirmed hash always names an inbox.
        if (!InboxKey.IsValid(InboxKey.GuestPrefix + emailHash))
        {
            throw new GuestReaderException("A guest's email is confirmed by its SHA-256 in 64 lower-case hex digits.");
        }

        if (!GuestReaderKey.IsNonce(nonce))
        {
            throw new GuestReaderException("A confirmation link's nonce is 32 lower-case hex digits.");
        }

        if (_confirmations.Any(c => c.Nonce == nonce))
        {
            return false;
        }

        if (_confirmations.Count >= MaxConfirmations)
        {
            throw new GuestReaderException($"This browser has confirmed {MaxConfirmations} emails; no more can be added.");
        }

        var confirmation = new GuestConfirmation(emailHash, nonce, time.GetUtcNow());
        try
        {
            await store.AddAsync(Key, confirmation);
        }
        catch (GuestLinkUsedException)
        {
            return false;
        }

        _confirmations.Add(confirmation);
        return true;
    }

    public Task<bool> WasUsed(string nonce) => Task.FromResult(_confirmations.Any(c => c.Nonce == nonce));

    public Task<bool> IsConfirmed(string emailHash) => Task.FromResult(_confirmations.Any(c => c.EmailHash == emailHash));

    public Task<string?> Current() => Task.FromResult(_confirmations.Count == 0 ? null : _confirmations[^1].EmailHash);
}
