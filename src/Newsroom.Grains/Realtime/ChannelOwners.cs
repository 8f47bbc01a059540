using System.Text.Json.Serialization.Metadata;
using Newsroom.Core.Realtime;

namespace Newsroom.Grains.Realtime;

/// <summary>
/// Every channel kind that has an owner, as the features registered them. A kind with no registration has no
/// grain behind it: nobody may listen to it, because nothing would ever be said there.
/// </summary>
public sealed class ChannelOwners
{
    private readonly Dictionary<ChannelKind, ChannelRegistration> _kinds = [];

    public ChannelOwners(IEnumerable<ChannelRegistration> registrations)
    {
        var names = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var registration in registrations)
        {
            if (!_kinds.TryAdd(registration.Kind, registration))
            {
                throw new InvalidOperationException(
                    $"Channel kind '{ChannelName.KindText(registration.Kind)}' has two owners; a channel has exactly one.");
            }

            foreach (var e in registration.Events)
            {
                if (!names.TryAdd(e.Name, e.Type) && names[e.Name] != e.Type)
                {
                    throw new InvalidOperationException($"Event name '{e.Name}' is declared for {names[e.Name].Name} and {e.Type.Name}.");
                }
            }
        }
    }

    public IReadOnlyCollection<ChannelRegistration> All => _kinds.Values;

    public ChannelRegistration? Find(ChannelKind kind) => _kinds.GetValueOrDefault(kind);

    /// <summary>The grain that owns the channel, or null when no feature owns its kind.</summary>
    public IChannelOwner? Resolve(IGrainFactory grains, ChannelName channel) =>
        Find(channel.Kind) is { } registration ? registration.Owner(grains, channel.Key) : null;

    /// <summary>Who may listen to the channel's kind; none when nobody owns it.</summary>
    public ChannelAudience? AudienceOf(ChannelKind kind) => Find(kind)?.Audience;

    /// <summary>
    /// A JSON contract modifier that gives <see cref="NewsroomEvent"/> every registered event type, told apart by
    /// the <c>type</c> property, so the realtime layer serializes events without a central list of them.
    /// </summary>
    public void DescribeEvents(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type != typeof(NewsroomEvent))
        {
            return;
        }

        var polymorphism = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "type" };
        foreach (var e in _kinds.Values.SelectMany(k => k.Events).DistinctBy(e => e.Name))
        {
            polymorphism.DerivedTypes.Add(new JsonDerivedType(e.Type, e.Name));
        }

        typeInfo.PolymorphismOptions = polymorphism;
    }
}
