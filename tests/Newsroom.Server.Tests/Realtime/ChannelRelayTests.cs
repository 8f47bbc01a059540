using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

public sealed class ChannelRelayTests(SharedNewsroom newsroom)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task GrainEvent_ReachesTheClientsOfItsChannel_AndNoOthers()
    {
        var alpha = SharedNewsroom.UniqueName("alpha");
        var beta = SharedNewsroom.UniqueName("beta");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var onAlpha = await Listen(rosa, $"desk:{alpha}");
        await using var onBeta = await Listen(eddie, $"desk:{beta}");

        await Post(eddie, alpha, "Polls close at 8pm");
        var received = await onAlpha.Next();

        Assert.Equal($"desk:{alpha}", received.GetProperty("channel").GetString());
        Assert.Equal(1, received.GetProperty("version").GetInt64());
        var evt = received.GetProperty("event");
        Assert.Equal("desk.bulletin-posted", evt.GetProperty("type").GetString());
        Assert.Equal("Polls close at 8pm", evt.GetProperty("bulletin").GetProperty("text").GetString());
        Assert.Equal("Eddie Editor", evt.GetProperty("bulletin").GetProperty("author").GetString());

        // Events on one connection arrive in order: if beta's listener had been sent alpha's event,
        // it would come before beta's own.
        await Post(rosa, beta, "Turnout figures in");
        var betaFirst = await onBeta.Next();
        Assert.Equal($"desk:{beta}", betaFirst.GetProperty("channel").GetString());
        Assert.Equal("Turnout figures in", betaFirst.GetProperty("event").GetProperty("bulletin").GetProperty("text").GetString());
        Assert.False(onBeta.HasMore);
        Assert.False(onAlpha.HasMore);
    }

    [Fact]
    public async Task EveryEvent_CarriesTheNextChannelVersion()
    {
        var desk = SharedNewsroom.UniqueName("versions");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var listener = await Listen(rosa, $"desk:{desk}");

        for (var i = 1; i <= 5; i++)
        {
            await Post(rosa, desk, $"Update {i}");
        }

        for (var i = 1; i <= 5; i++)
        {
            var received = await listener.Next();
            Assert.Equal(i, received.GetProperty("version").GetInt64());
            Assert.Equal($"Update {i}", received.GetProperty("event").GetProperty("bulletin").GetProperty("text").GetString());
        }
    }

    [Fact]
    public async Task CatchUp_GivesAListenerWhatItMissed_AfterItsLastVersion()
    {
        var desk = SharedNewsroom.UniqueName("catch-up");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var listener = await Listen(rosa, $"desk:{desk}");
        for (var i = 1; i <= 3; i++)
        {
            await Post(rosa, desk, $"Update {i}");
        }

        var missed = await listener.Connection.InvokeAsync<JsonElement>("CatchUp", $"desk:{desk}", 1);

        Assert.Equal(3, missed.GetProperty("version").GetInt64());
        var events = missed.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([2L, 3L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(["Update 2", "Update 3"], events.Select(e => e.GetProperty("event").GetProperty("bulletin").GetProperty("text").GetString()));
        Assert.Equal("desk.bulletin-posted", events[0].GetProperty("event").GetProperty("type").GetString());
    }

    [Fact]
    public async Task LeavingAChannel_StopsItsEvents()
    {
        var desk = SharedNewsroom.UniqueName("leave");
        var other = SharedNewsroom.UniqueName("stay");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await using var listener = await Listen(rosa, $"desk:{desk}");
        await listener.Connection.InvokeAsync("Join", $"desk:{other}");

        await listener.Connection.InvokeAsync("Leave", $"desk:{desk}");
        await Post(rosa, desk, "Nobody should hear this");
        await Post(rosa, other, "Still listening here");

        var next = await listener.Next();
        Assert.Equal($"desk:{other}", next.GetProperty("channel").GetString());
    }

    private static async Task Post(StaffSession session, string desk, string text)
    {
        var response = await session.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<Listener> Listen(StaffSession session, string channel)
    {
        var connection = session.Connect();
        var listener = new Listener(connection);
        await connection.StartAsync();
        await connection.InvokeAsync("Join", channel);
        return listener;
    }

    private sealed class Listener : IAsyncDisposable
    {
        private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();

        public Listener(HubConnection connection)
        {
            Connection = connection;
            connection.OnEvents(e => _events.Writer.TryWrite(e));
        }

        public HubConnection Connection { get; }

        public bool HasMore => _events.Reader.TryPeek(out _);

        public async Task<JsonElement> Next() => await _events.Reader.ReadAsync().AsTask().WaitAsync(_wait);

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
