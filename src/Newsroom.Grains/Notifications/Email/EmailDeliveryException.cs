namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// An email the mail server did not take: it could not be reached, refused the sign-in or refused the email. The
/// message says which email, which server and why.
/// </summary>
public sealed class EmailDeliveryException(string message, bool permanent, Exception? inner = null, bool busy = false) : Exception(message, inner)
{
    /// <summary>
    /// Nothing was tried: every connection this silo may open to the mail server was in use. Not the server's failure,
    /// so the mailbox tries again in a few seconds rather than backing off.
    /// </summary>
    public bool Busy { get; } = busy;

    /// <summary>
    /// The server refused this email for good (a 5xx answer, such as an unknown mailbox): sending it again will not
    /// help. Otherwise (unreachable, timed out, 4xx) a later try may succeed.
    /// </summary>
    public bool Permanent { get; } = permanent;
}
