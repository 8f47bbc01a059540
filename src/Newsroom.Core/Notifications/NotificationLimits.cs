namespace Newsroom.Core.Notifications;

/// <summary>The sizes a notification's parts may have (documented in the README's "Notifications").</summary>
public static class NotificationLimits
{
    public const int MaxEventIdLength = 200;
    public const int MaxTitleLength = 200;
    public const int MaxExcerptLength = 500;
    public const int MaxLinkLength = 500;
    public const int MaxActorIdLength = 200;
    public const int MaxActorNameLength = 100;

    /// <summary>An inbox keeps this many notifications; older ones are dropped as new ones arrive.</summary>
    public const int KeptPerInbox = 500;

    /// <summary>At most this many notifications in one delivery, and on one page of an inbox.</summary>
    public const int MaxBatch = 50;

    public const int MaxPageSize = 50;
}
