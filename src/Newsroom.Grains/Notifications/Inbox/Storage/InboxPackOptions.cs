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
        SettleAfter < TimeSpan.FromSeconds(1) || SettleAfter > TimeSpan.FromHours(1) ? $"{Section}:SettleAfter must be 1 second to 1 hour; it is {SettleAfter}."
        : SweepEvery < SettleAfter || SweepEvery > TimeSpan.FromDays(1) ? $"{Section}:SweepEvery must be from SettleAfter to 1 day; it is {SweepEvery}."
        : null;
}
