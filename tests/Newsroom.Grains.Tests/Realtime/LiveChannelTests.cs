using Microsoft.Extensions.Logging.Abstractions;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Tests.Realtime;

public sealed class LiveChannelTests
{
    [Fact]
    public void Publish_NumbersEachEventWithTheNextVersion_OfItsOwnChannel()
    {
        var channel = Channel();

        var first = channel.Publish(Bulletin(1));
        var second = channel.Publish(Bulletin(2));

        Assert.Equal(("desk:politics", 1L), (first.Channel, first.Version));
        Assert.Equal(("desk:politics", 2L), (second.Channel, second.Version));
        Assert.Equal(2, channel.Version);
    }

    [Fact]
    public void Versions_ContinueFromAStoredVersion()
    {
        var channel = Channel();
        channel.ContinueFrom(41);

        Assert.Equal(42, channel.Publish(Bulletin(1)).Version);
        Assert.Throws<InvalidOperationException>(() => channel.ContinueFrom(50));
    }

    [Fact]
    public async Task CatchUp_GivesTheEventsAfterAVersion_InOrder()
    {
        var channel = Channel();
        for (var i = 1; i <= 5; i++)
        {
            channel.Publish(Bulletin(i));
        }

        var caughtUp = await channel.CatchUp(2);
        var current = await channel.CatchUp(5);

        Assert.Equal(5, caughtUp.Version);
        Assert.Equal([3L, 4L, 5L], caughtUp.Events!.Select(e => e.Version));
        Assert.Equal([3L, 4L, 5L], caughtUp.Events!.Select(e => ((DeskBulletinPosted)e.Event).Bulletin.Number));
        Assert.Empty(current.Events!);
    }

    [Fact]
    public async Task CatchUp_FromBeforeWhatIsKept_OrFromAnotherActivationsVersion_SaysReload()
    {
        var channel = Channel();
        for (var i = 1; i <= LiveChannel.KeptEvents + 10; i++)
        {
            channel.Publish(Bulletin(i));
        }

        var oldestKept = await channel.CatchUp(10);
        var tooOld = await channel.CatchUp(9);
        var fromTheFuture = await channel.CatchUp(channel.Version + 1);

        Assert.Equal(LiveChannel.KeptEvents, oldestKept.Events!.Count);
        Assert.True(tooOld.MustReload);
        Assert.True(fromTheFuture.MustReload);
        Assert.Equal(channel.Version, tooOld.Version);
    }

    private static LiveChannel Channel() =>
        new(ChannelName.Desk("politics"), TimeSpan.FromMinutes(2), NullLogger.Instance);

    private static DeskBulletinPosted Bulletin(int number) =>
        new(new DeskBulletin(number, "Eddie Editor", $"Bulletin {number}", DateTimeOffset.UnixEpoch));
}
