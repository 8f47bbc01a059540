using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Tests.Cluster;

namespace Newsroom.Grains.Tests.Desk;

/// <summary>Desk bulletins: 1 to 500 characters after trimming, the latest 50 kept, each published once stored under the next version.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class DeskGrainBulletinTests(GrainCluster cluster)
{
    [Fact]
    public async Task Bulletins_ArePublishedInOrder_EachUnderTheNextChannelVersion()
    {
        var name = GrainCluster.NewDeskName("versions");
        await using var relay = await cluster.Listen(ChannelName.Desk(name));

        for (var i = 1; i <= 5; i++)
        {
            await cluster.Desk(name).PostBulletin("Rosa Reporter", $"  Update {i} ");
        }

        var heard = await relay.WaitUntil(h => h.Count == 5, "five bulletins");
        Assert.Equal([1L, 2L, 3L, 4L, 5L], heard.Select(h => h.Version));
        Assert.Equal(
            [.. Enumerable.Range(1, 5).Select(i => ((long)i, $"Update {i}", "Rosa Reporter"))],
            heard.Select(h => ((DeskBulletinPosted)h.Event).Bulletin).Select(b => (b.Number, b.Text, b.Author)));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData(null, 501)]
    public async Task EmptyOrOverlongBulletin_IsRefused_AndStoresNothing(string? text, int length)
    {
        var desk = cluster.Desk(GrainCluster.NewDeskName("refused"));
        await desk.PostBulletin("Rosa Reporter", "Kept bulletin");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => desk.PostBulletin("Rosa Reporter", text ?? new string('x', length)));
        var snapshot = await desk.GetBulletins();

        Assert.StartsWith($"A bulletin must be 1 to 500 characters long; got {length}.", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, snapshot.Version);
        Assert.Equal(["Kept bulletin"], snapshot.Bulletins.Select(b => b.Text));
    }

    [Fact]
    public async Task Desk_KeepsItsLatestFiftyBulletins_AcrossReactivation()
    {
        var desk = cluster.Desk(GrainCluster.NewDeskName("fifty"));
        for (var i = 1; i <= DeskGrain.KeptBulletins + 3; i++)
        {
            await desk.PostBulletin("Eddie Editor", $"Bulletin {i}");
        }

        await cluster.Deactivate(desk);
        var snapshot = await desk.GetBulletins();

        Assert.Equal(53, snapshot.Version);
        Assert.Equal([.. Enumerable.Range(4, 50)], snapshot.Bulletins.Select(b => (int)b.Number));
    }
}
