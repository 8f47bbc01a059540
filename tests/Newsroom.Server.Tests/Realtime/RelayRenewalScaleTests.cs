using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// One silo may listen to thousands of channels (one per open article). A renewal round renews them all in bounded
/// parallel, so it ends well inside the renewal interval instead of taking one round trip per channel in turn.
/// </summary>
public sealed partial class RelayRenewalScaleTests(ITestOutputHelper output)
{
    private const int Channels = 5_000;
    private static readonly TimeSpan _interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ARenewalRoundOf5000Channels_EndsWellInsideTheInterval()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Newsroom__Relay__RenewInterval"] = "00:00:10",
            ["Newsroom__Channels__SubscriptionExpiry"] = "00:01:00",
            ["Logging__LogLevel__Newsroom.Server.Realtime.ChannelListeners"] = "Debug",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var connections = Enumerable.Range(0, 8).Select(_ => rosa.Connect()).ToList();
        try
        {
            await Task.WhenAll(connections.Select(c => c.StartAsync()));
            var prefix = SharedNewsroom.UniqueName("scale");
            // Each connection joins its share, a few calls in flight at a time (the hub runs four per connection).
            await Task.WhenAll(connections.Select(async (connection, c) =>
            {
                for (var i = c; i < Channels; i += connections.Count * 4)
                {
                    await Task.WhenAll(Enumerable.Range(0, 4)
                        .Select(k => i + k * connections.Count)
                        .Where(n => n < Channels)
                        .Select(n => connection.InvokeAsync("Join", $"desk:{prefix}-{n}")));
                }
            }));

            // At least: the silo also listens for itself (its published pages hear stories:newsroom).
            var round = await Eventually.Until(
                () => Task.FromResult(Rounds(server.Process.Output).LastOrDefault(r => r.Channels >= Channels)),
                r => r is not null,
                TimeSpan.FromSeconds(60),
                $"a renewal round of {Channels} channels");

            output.WriteLine($"renewal round: {round!.Channels} channels, {round.Failed} failed, {round.ElapsedMs:0.0} ms (interval {_interval.TotalMilliseconds} ms)");
            Assert.Equal(0, round.Failed);
            Assert.True(round.ElapsedMs < _interval.TotalMilliseconds / 2, $"The round took {round.ElapsedMs} ms.");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static IEnumerable<Round> Rounds(string log) =>
        RenewedLine().Matches(log).Select(m => new Round(
            int.Parse(m.Groups["channels"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["failed"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)));

    [GeneratedRegex(@"Renewed (?<channels>\d+) channel subscriptions \((?<failed>\d+) failed\) in (?<ms>[\d.]+) ms")]
    private static partial Regex RenewedLine();

    private sealed record Round(int Channels, int Failed, double ElapsedMs);
}
