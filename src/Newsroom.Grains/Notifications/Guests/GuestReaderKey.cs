namespace Newsroom.Grains.Notifications.Guests;

/// <summary>The shapes a guest reader's grain checks: the cookie id it is keyed by, and a confirmation link's nonce.</summary>
public static class GuestReaderKey
{
    /// <summary><c>g-</c> and 24 lower-case hex digits, as <c>GuestIdentity</c> gives them.</summary>
    public static bool IsValid(string? guestId) =>
        guestId is { Length: 26 } && guestId.StartsWith("g-", StringComparison.Ordinal) && guestId.AsSpan(2).ContainsAnyExcept("0123456789abcdef") is false;

    /// <summary>32 lower-case hex digits (16 random bytes).</summary>
    public static bool IsNonce(string? nonce) =>
        nonce is { Length: 32 } && nonce.AsSpan().ContainsAnyExcept("0123456789abcdef") is false;
}

/// <summary>A guest reader call was refused (a malformed hash or link); the message says why.</summary>
[GenerateSerializer, Alias("newsroom.guest-reader-exception")]
public sealed class GuestReaderException : RefusalException
{
    public GuestReaderException()
    {
    }

    public GuestReaderException(string message)
        : base(message)
    {
    }

    public GuestReaderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
