using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Guests;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Server.Notifications;

/// <summary>What confirming a link came to, for the confirm page to say.</summary>
public enum ConfirmOutcome
{
    /// <summary>A good link, not yet used: the page offers to confirm it.</summary>
    Ready,
    Confirmed,
    Forged,
    Expired,
    AlreadyUsed,
}

/// <summary>
/// Confirms a guest's subscription from their email's link: the guest's inbox (<c>guest:{emailHash}</c>) follows what
/// they chose and gets their address, then the guest whose cookie asked (named in the link) is recorded as confirmed
/// for that email, which also uses the link up. A forged, expired or used link changes nothing.
/// </summary>
public sealed class ReaderConfirmation(IGrainFactory grains, ReaderSubscriptionTokens tokens)
{
    /// <summary>What the link is, without changing anything (the confirm page's GET).</summary>
    public async Task<(ConfirmOutcome State, ReaderSubscriptionRequest? Request)> Inspect(string? token)
    {
        switch (tokens.Read(token, out var request))
        {
            case ReaderTokenState.Forged:
                return (ConfirmOutcome.Forged, null);
            case ReaderTokenState.Expired:
                return (ConfirmOutcome.Expired, request);
        }

        return await Reader(request!).WasUsed(request!.Nonce) ? (ConfirmOutcome.AlreadyUsed, request) : (ConfirmOutcome.Ready, request);
    }

    public async Task<(ConfirmOutcome Outcome, ReaderSubscriptionRequest? Request)> Confirm(string? token)
    {
        var (state, request) = await Inspect(token);
        if (state != ConfirmOutcome.Ready)
        {
            return (state, request);
        }

        // Follows and the address first, the record last: a failure in between leaves the link usable for a retry,
        // and following twice is following once.
        var emailHash = GuestEmail.Hash(request!.Email);
        var inbox = grains.GetGrain<IInboxGrain>(InboxKey.Guest(emailHash));
        await ReaderFollows.Follow(inbox, request.Slug, request.Chosen);
        await grains.GetGrain<IMailboxGrain>(inbox.GetPrimaryKeyString()).SetAddress(request.Email, GreetingName(request.Email));
        return await Reader(request).Confirm(emailHash, request.Nonce)
            ? (ConfirmOutcome.Confirmed, request)
            : (ConfirmOutcome.AlreadyUsed, request);
    }

    // A guest gave no name to subscribe, only their address: its local part is what an email greets them by.
    private static string GreetingName(string email)
    {
        var local = email[..Math.Max(1, email.IndexOf('@', StringComparison.Ordinal))];
        return local.Length <= NotificationLimits.MaxActorNameLength ? local : local[..NotificationLimits.MaxActorNameLength];
    }

    private IGuestReaderGrain Reader(ReaderSubscriptionRequest request) => grains.GetGrain<IGuestReaderGrain>(request.GuestId);
}
