namespace Newsroom.Grains.Notifications.Inbox;

/// <summary>When packs of deliveries are settled into each inbox's own rows (<see cref="InboxPackSettler"/>).</summary>
public sealed class InboxPackOptions
{
    public const string Section = "Newsroom:Inbox";

    /// <summary>A pack this old is settled: long enough that a burst of comments shares it, short enough that reading an inbox reads few.</summary>
    public TimeSpan SettleAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often every partition is looked at, for packs a silo that stopped left behind.</summary>
    public TimeSpan SweepEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Why the options cannot work, or null.</summary>
    public string? Problem =>
        SettleAfter < TimeSpan.FromSeconds(1) || SettleAfter > TimeSpan.FromHours(1) ? $"{Section}:SettleAfter ({SettleAfter}) must be from 00:00:01 to 01:00:00."
        : SweepEvery < SettleAfter || SweepEvery > TimeSpan.FromDays(1) ? $"{Section}:SweepEvery ({SweepEvery}) must be from SettleAfter ({SettleAfter}) to 1.00:00:00."
        : null;
}
