using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// Which hubs the relay sends a channel's events to. No process-level test can see this (a reader cannot join a
/// staff channel, so a wrong send would reach an empty group), so the relay runs here against recording hubs.
/// </summary>
public sealed class RelayAudienceTests
{
    [Fact]
    public async Task DraftEvent_GoesToTheStaffHub_AndNotToTheReaderHub()
    {
        var (relay, staff, readers) = RelayWith(services => services.AddNewsroomDrafts(_ => null!));

        await relay.Deliver(new ChannelEnvelope("draft:0123456789ab", 1, new DraftPresenceChanges([], ["c1"], 0)));
        await staff.WaitForSends(1);

        Assert.Equal(["draft:0123456789ab"], staff.Groups);
        Assert.Empty(readers.Groups);
    }

    [Fact]
    public async Task ModerationQueueEvent_GoesToTheStaffHub_AndNotToTheReaderHub()
    {
        var (relay, staff, readers) = RelayWith(services => services.AddNewsroomComments(_ => null!));
        var entry = new ModerationEntry(
            "election-night", 7, "Aigerim", false, "Held.", "<p>Held.</p>", CommentStatus.Pending, ModerationRule.SuspectWord, "Suspect word.", 0, [],
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        await relay.Deliver(new ChannelEnvelope("moderation:newsroom", 1, new ModerationQueued(entry, 1, 0)));
        await relay.Deliver(new ChannelEnvelope("moderation:newsroom", 2, new ModerationDecided("election-night", 7, CommentModerationAction.Approve, "mona", 0, 0)));
        await staff.WaitForVersions("moderation:newsroom", 2);

        Assert.Equal(["moderation:newsroom"], staff.Groups.Distinct());
        Assert.Empty(readers.Groups);
    }

    [Fact]
    public async Task EventOfAChannelOpenToEveryone_GoesToBothHubs()
    {
        var (relay, staff, readers) = RelayWith(services => services.AddChannelOwner<IDeskGrain>(
            Core.Realtime.ChannelKind.Article, ChannelAudience.Everyone, events => events.Add<DeskBulletinPosted>("test.posted")));

        await relay.Deliver(new ChannelEnvelope("article:election-night", 1, new DeskBulletinPosted(new DeskBulletin(1, "a", "b", DateTimeOffset.UnixEpoch))));
        await staff.WaitForSends(1);
        await readers.WaitForSends(1);

        Assert.Equal(["article:election-night"], staff.Groups);
        Assert.Equal(["article:election-night"], readers.Groups);
    }

    [Fact]
    public async Task EventOfAKindNobodyOwns_GoesNowhere()
    {
        var (relay, staff, readers) = RelayWith(services => services.AddNewsroomDesk(_ => null!));

        await relay.Deliver(new ChannelEnvelope("user:rosa", 1, new DraftPresenceChanges([], ["c1"], 0)));
        // Sent after it by the same flush or a later one: once this has gone, the first would have too.
        await relay.Deliver(new ChannelEnvelope("desk:newsroom", 1, new DraftPresenceChanges([], ["c1"], 0)));
        await staff.WaitForSends(1);

        Assert.Equal(["desk:newsroom"], staff.Groups);
        Assert.Empty(readers.Groups);
    }

    [Fact]
    public async Task SiloListener_HearsItsOwnChannel_AndNoOther()
    {
        var listener = new HearingListener(Core.Realtime.ChannelName.Stories("newsroom"));
        var (relay, _, _) = RelayWith(services => services.AddNewsroomDesk(_ => null!), listener);

        await relay.Deliver(new ChannelEnvelope("stories:newsroom", 7, new DraftPresenceChanges([], ["c1"], 0)));
        await relay.Deliver(new ChannelEnvelope("stories:elsewhere", 8, new DraftPresenceChanges([], ["c1"], 0)));
        await relay.Deliver(new ChannelEnvelope("draft:0123456789ab", 9, new DraftPresenceChanges([], ["c1"], 0)));

        Assert.Equal([7L], listener.Heard);
    }

    private static (SignalRChannelRelay Relay, RecordingHub<StaffHub> Staff, RecordingHub<ReaderHub> Readers) RelayWith(
        Action<IServiceCollection> features, params ISiloChannelListener[] siloListeners)
    {
        var services = new ServiceCollection();
        features(services);
        var owners = services.BuildServiceProvider().GetRequiredService<ChannelOwners>();
        var staff = new RecordingHub<StaffHub>();
        var readers = new RecordingHub<ReaderHub>();
        return (new SignalRChannelRelay(staff, readers, owners, siloListeners, Options.Create(new RelayOptions()), NullLogger<SignalRChannelRelay>.Instance), staff, readers);
    }

    private sealed class HearingListener(Core.Realtime.ChannelName channel) : ISiloChannelListener
    {
        public List<long> Heard { get; } = [];

        public Core.Realtime.ChannelName Channel => channel;

        public void Hear(ChannelEnvelope envelope) => Heard.Add(envelope.Version);
    }
}
