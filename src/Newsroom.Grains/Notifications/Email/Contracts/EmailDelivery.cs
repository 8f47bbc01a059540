namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// How a person is told of one kind of notification by email. Stored by name, so members may be added but never renamed.
/// Whatever is chosen, the inbox (and the bell) still has every notification.
/// </summary>
[GenerateSerializer, Alias("newsroom.email-delivery")]
public enum EmailDelivery
{
    /// <summary>After a short grace period, unless read in an open tab by then; a burst within it is one email.</summary>
    Immediately,

    /// <summary>At most one digest an hour.</summary>
    Hourly,

    /// <summary>At most one digest a day.</summary>
    Daily,

    /// <summary>No email.</summary>
    Never,
}
