namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// One notification email to one person: both parts (build them with <see cref="EmailBody"/>, so what people wrote stays
/// text) and extra headers such as the one-click unsubscribe pair.
/// </summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string Text, string Html)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static EmailMessage Of(string toAddress, string toName, string subject, EmailBody body) =>
        new(toAddress, toName, subject, body.Text, body.Html);

    /// <summary>
    /// <c>List-Unsubscribe</c> with the address and <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c> (RFC 8058):
    /// mail programs then offer an unsubscribe button that POSTs to the address without opening a page.
    /// </summary>
    public EmailMessage WithOneClickUnsubscribe(Uri address)
    {
        if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http"))
        {
            throw new ArgumentException($"An unsubscribe address must be an absolute http(s) address; '{address}' is not.", nameof(address));
        }

        return this with
        {
            Headers = new Dictionary<string, string>(Headers)
            {
                ["List-Unsubscribe"] = $"<{address.AbsoluteUri}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
    }
}
