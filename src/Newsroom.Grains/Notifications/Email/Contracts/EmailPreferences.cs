using Newsroom.Core.Notifications;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// A person's email choices: <see cref="Delivery"/> holds every kind (<see cref="EmailDelivery.Immediately"/> unless
/// chosen otherwise); <see cref="Address"/> is where the emails go, or null while the mailbox knows none.
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.email-preferences")]
public sealed record EmailPreferences(
    [property: Id(0)] IReadOnlyDictionary<NotificationKind, EmailDelivery> Delivery,
    [property: Id(1)] string? Address)
{
    public EmailDelivery For(NotificationKind kind) => Delivery.GetValueOrDefault(kind, EmailDelivery.Immediately);
}

/// <summary>What a one-click unsubscribe did: the kinds now set to Never, or nothing because its link was already used.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.unsubscribed")]
public sealed record Unsubscribed(
    [property: Id(0)] bool AlreadyUsed,
    [property: Id(1)] IReadOnlyList<NotificationKind> Kinds);

/// <summary>A mailbox call was refused (a malformed address, an unknown kind or delivery); the message says why.</summary>
[GenerateSerializer, Alias("newsroom.mailbox-exception")]
public sealed class MailboxException : RefusalException
{
    public MailboxException()
    {
    }

    public MailboxException(string message)
        : base(message)
    {
    }

    public MailboxException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
