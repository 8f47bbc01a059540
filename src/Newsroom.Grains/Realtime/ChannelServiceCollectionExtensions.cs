using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Core.Realtime;

namespace Newsroom.Grains.Realtime;

public static class ChannelServiceCollectionExtensions
{
    /// <summary>
    /// Declares that grains of <typeparamref name="TOwner"/> (keyed by the channel key) own the channels of
    /// <paramref name="kind"/>, who may listen, and the events they publish. A feature calls this from its own
    /// registration; the realtime layer finds every owner through <see cref="ChannelOwners"/>.
    /// <paramref name="grainKey"/> turns a channel key into the owner grain's key when they differ (an inbox is
    /// <c>staff:{userName}</c> and its channel <c>user:{userName}</c>); by default they are the same.
    /// </summary>
    public static IServiceCollection AddChannelOwner<TOwner>(
        this IServiceCollection services, ChannelKind kind, ChannelAudience audience, Action<ChannelEvents> events, Func<string, string>? grainKey = null)
        where TOwner : IChannelOwner
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(events);
        var declared = new ChannelEvents();
        events(declared);
        services.AddSingleton(new ChannelRegistration(kind, audience, (grains, key) => grains.GetGrain<TOwner>(grainKey is null ? key : grainKey(key)), declared.Types));
        services.TryAddSingleton<ChannelOwners>();
        return services;
    }
}

/// <summary>The events one channel kind carries, declared with their wire names.</summary>
public sealed class ChannelEvents
{
    private readonly List<ChannelEventType> _types = [];

    public IReadOnlyList<ChannelEventType> Types => _types;

    /// <summary><paramref name="name"/> is what browsers switch on: <c>{kind}.{what happened}</c>, never renamed.</summary>
    public ChannelEvents Add<TEvent>(string name)
        where TEvent : NewsroomEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _types.Add(new ChannelEventType(typeof(TEvent), name));
        return this;
    }
}
