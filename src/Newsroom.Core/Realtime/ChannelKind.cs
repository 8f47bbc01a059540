namespace Newsroom.Core.Realtime;

/// <summary>What a live channel carries events about.</summary>
public enum ChannelKind
{
    Draft,
    Article,
    User,
    Desk,
}
