using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Tests.Realtime;

/// <summary>How features declare the channels they own, and what the realtime layer finds there.</summary>
public sealed class ChannelOwnersTests
{
    [Fact]
    public void EachFeature_DeclaresItsKind_ItsAudience_AndItsEvents()
    {
        var owners = Owners(s => s.AddNewsroomDrafts(_ => null!).AddNewsroomDesk(_ => null!));

        Assert.Equal(ChannelAudience.Staff, owners.AudienceOf(ChannelKind.Draft));
        Assert.Equal(ChannelAudience.Staff, owners.AudienceOf(ChannelKind.Desk));
        Assert.Null(owners.AudienceOf(ChannelKind.User));
        Assert.Null(owners.AudienceOf(ChannelKind.Article));
        Assert.Null(owners.Resolve(null!, ChannelName.User("rosa")));
    }

    [Fact]
    public void AKindWithTwoOwners_IsRefusedAtStart()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Owners(s => s
            .AddNewsroomDesk(_ => null!)
            .AddChannelOwner<IDraftGrain>(ChannelKind.Desk, ChannelAudience.Staff, _ => { })));

        Assert.Contains("'desk' has two owners", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_AreWrittenWithTheTypeNamesTheirFeatureDeclared()
    {
        var owners = Owners(s => s.AddNewsroomDrafts(_ => null!).AddNewsroomDesk(_ => null!));
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(owners.DescribeEvents),
        };

        var envelope = new ChannelEnvelope("draft:0123456789ab", 3, new DraftPresenceChanges([], ["connection-1"], 0));
        var written = JsonSerializer.SerializeToElement(envelope, json);

        Assert.Equal("draft.presence", written.GetProperty("event").GetProperty("type").GetString());
        Assert.Equal("connection-1", written.GetProperty("event").GetProperty("left")[0].GetString());
        Assert.Throws<NotSupportedException>(() =>
            JsonSerializer.Serialize<NewsroomEvent>(new Undeclared(), json));
    }

    private static ChannelOwners Owners(Action<IServiceCollection> features)
    {
        var services = new ServiceCollection();
        features(services);
        return services.BuildServiceProvider().GetRequiredService<ChannelOwners>();
    }

    private sealed record Undeclared : NewsroomEvent;
}
