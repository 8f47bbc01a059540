namespace Newsroom.Server.Realtime;

/// <summary>Section <c>Newsroom:Relay</c>.</summary>
public sealed class RelayOptions
{
    public const string Section = "Newsroom:Relay";

    /// <summary>
    /// How often this silo renews its subscriptions. A grain that was collected, crashed or moved comes back
    /// with no subscribers, so this bounds how long a channel can stay silent on this silo after that.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(30);
}
