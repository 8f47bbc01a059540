namespace Newsroom.Grains.Realtime;

/// <summary>How long a relay's subscription to a channel lasts without renewal.</summary>
public sealed class ChannelOptions
{
    public const string Section = "Newsroom:Channels";

    /// <summary>Relays renew at a fraction of this (see the server's RelayOptions), well inside it.</summary>
    public TimeSpan SubscriptionExpiry { get; set; } = TimeSpan.FromMinutes(2);
}
