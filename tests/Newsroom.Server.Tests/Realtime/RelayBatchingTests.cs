using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// Fewer, fuller frames: the events of a channel that are ready together leave as one message, in the channel's
/// order, while a lone event on a quiet silo goes at once. The relay runs with no send window (the default's 20 ms
/// would gather by the clock) against a recording hub that holds its first send, so what arrives meanwhile is known to
/// be waiting together.
/// </summary>
public sealed class RelayBatchingTests
{
    private const string Busy = "draft:0123456789ab";
    private const string Other = "draft:ba9876543210";

    [Fact]
    public async Task EventsReadyWhileASendIsUnderWay_GoOutAsOneMessagePerChannel_InOrder()
    {
        var (relay, staff) = Relay();
        staff.HoldFirstSend = true;

        await relay.Deliver(Envelope(Busy, 1));
        await staff.FirstSendHeld;
        for (var v = 2; v <= 6; v++)
        {
            await relay.Deliver(Envelope(Busy, v));
        }

        await relay.Deliver(Envelope(Other, 1));
        await relay.Deliver(Envelope(Busy, 7));
        await relay.Deliver(Envelope(Other, 2));
        staff.ReleaseFirstSend();
        await staff.WaitForVersions(Busy, 7);
        await staff.WaitForVersions(Other, 2);

        Assert.Equal([[1L], [2L, 3L, 4L, 5L, 6L, 7L]], staff.Sent.Where(s => s.Group == Busy).Select(s => s.Versions));
        Assert.Equal([[1L, 2L]], staff.Sent.Where(s => s.Group == Other).Select(s => s.Versions));
    }

    [Fact]
    public async Task ALoneEvent_GoesAtOnce_WithoutWaitingForAnother()
    {
        var (relay, staff) = Relay();

        await relay.Deliver(Envelope(Busy, 1));
        await staff.WaitForSends(1);
        await relay.Deliver(Envelope(Busy, 2));
        await staff.WaitForSends(2);

        Assert.Equal([[1L], [2L]], staff.Sent.Select(s => s.Versions));
    }

    private static ChannelEnvelope Envelope(string channel, long version) =>
        new(channel, version, new DraftPresenceChanges([], [$"c{version}"], 0));

    private static (SignalRChannelRelay Relay, RecordingHub<StaffHub> Staff) Relay()
    {
        var services = new ServiceCollection();
        services.AddNewsroomDrafts(_ => null!);
        var owners = services.BuildServiceProvider().GetRequiredService<ChannelOwners>();
        var staff = new RecordingHub<StaffHub>();
        return (new SignalRChannelRelay(staff, new RecordingHub<ReaderHub>(), owners, [], Options.Create(new RelayOptions { SendWindow = TimeSpan.Zero }), NullLogger<SignalRChannelRelay>.Instance), staff);
    }
}
