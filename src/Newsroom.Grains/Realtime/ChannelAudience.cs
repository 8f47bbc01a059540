namespace Newsroom.Grains.Realtime;

/// <summary>Who may listen to a kind of channel, and so which hubs its events are sent to.</summary>
[Flags]
public enum ChannelAudience
{
    /// <summary>Signed-in staff, on the staff hub.</summary>
    Staff = 1,

    /// <summary>Anonymous readers, on the reader hub.</summary>
    Readers = 2,

    Everyone = Staff | Readers,
}
