using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>
/// A silo's relay subscribes once per channel, for all its connections that listen to it. When that subscription fails
/// (the channel's grain lived on a silo that was just killed), connections that join later, once the grain is back on a
/// survivor, subscribe again: they are not handed the old failure for as long as the first listener stays.
/// </summary>
[Collection(ThreeSiloNewsroom.Collection)]
public sealed class ClusterRelayFailoverTests
{
    // Enough channels that some of their grains surely live on the silo that is killed (a third of them, by chance).
    private const int Channels = 30;

    [Fact]
    public async Task AJoinAfterASubscriptionFailedWithItsSilo_SubscribesAgain()
    {
        await using var azurite = await Azurite.StartAsync();
        // Probes 5 s apart: the killed silo is declared dead after two missed probes, about 10 s, a window the early
        // joins cannot miss on a loaded machine (at the default 2 s they once did).
        await using var cluster = await NewsroomCluster.StartAsync(azurite, silos: 3, new Dictionary<string, string?>
        {
            ["Newsroom__Cluster__ProbeTimeout"] = "00:00:05",
        });
        var (survivor, victim) = (cluster.Silos[0], cluster.Silos[2]);
        using var rosa = await survivor.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var names = Enumerable.Range(0, Channels).Select(i => $"desk:{SharedNewsroom.UniqueName("failover")}-{i}").ToList();
        // The channels' grains come alive, some of them on the silo about to be killed; the survivor listens to none yet.
        using (var onVictim = await victim.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password))
        {
            await using var activating = onVictim.Connect();
            await activating.StartAsync();
            foreach (var name in names)
            {
                await activating.InvokeAsync("Join", name);
            }
        }

        // Connected before the kill, so its joins begin at once after it.
        await using var early = rosa.Connect();
        await early.StartAsync();
        await victim.KillAsync();
        // Before the survivors declare it dead, the survivor's first subscription to a channel whose grain lived there
        // fails, and the joining connection stays counted as the channel's listener.
        var failedEarly = 0;
        foreach (var name in names)
        {
            try
            {
                await early.InvokeAsync("Join", name);
            }
            catch (HubException)
            {
                failedEarly++;
            }
        }

        Assert.True(failedEarly > 0, "no join failed while the killed silo was not yet declared dead: nothing here was tested");

        // Once it is declared dead (seconds), a new connection's joins all go through, the early one still there.
        await using var later = rosa.Connect();
        await later.StartAsync();
        var pending = new HashSet<string>(names);
        await Eventually.Until(
            async () =>
            {
                foreach (var name in pending.ToList())
                {
                    try
                    {
                        await later.InvokeAsync("Join", name);
                        pending.Remove(name);
                    }
                    catch (HubException)
                    {
                    }
                }

                return pending.Count;
            },
            left => left == 0,
            TimeSpan.FromSeconds(60),
            $"every join to go through again ({failedEarly} failed early)");
    }
}
