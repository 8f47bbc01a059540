namespace Newsroom.Grains.Notifications.Guests;

/// <summary>
/// One guest reader, keyed by their signed cookie id (<c>g-…</c>): the email hashes they confirmed from this browser,
/// and the confirmation links already used. The reader hub lets a guest listen to and read the inbox of a hash only
/// once it is confirmed here, so knowing (or guessing) someone's email is not enough.
/// </summary>
[Alias("newsroom.guest-reader")]
public interface IGuestReaderGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the confirmation of <paramref name="emailHash"/> by the link with <paramref name="nonce"/>; false, and
    /// nothing changed, when that link was already used.
    /// </summary>
    [Alias("confirm")]
    Task<bool> Confirm(string emailHash, string nonce);

    /// <summary>Whether the confirmation link with <paramref name="nonce"/> was already used.</summary>
    [Alias("was-used")]
    Task<bool> WasUsed(string nonce);

    [Alias("is-confirmed")]
    Task<bool> IsConfirmed(string emailHash);

    /// <summary>The email hash this guest confirmed last (whose inbox is theirs on reader pages), or null.</summary>
    [Alias("current")]
    Task<string?> Current();
}
