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
    /// </summary>
    public static IServiceCollection AddChannelOwner<TOwner>(
        this IServiceCollection services, ChannelKind kind, ChannelAudience audience, Action<ChannelEvents> events)
        where TOwner : IChannelOwner
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(events);
        var declared = new ChannelEvents();
        events(declared);
        services.AddSingleton(new ChannelRegistration(kind, audience, (grains, key) => grains.GetGrain<TOwner>(key), declared.Types));
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
