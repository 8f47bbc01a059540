using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Server.Tests.Drafts;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>
/// Silos killed (<c>kill -9</c>) one after another while editors on every silo type into one draft and comments are
/// posted through every silo: nothing acknowledged is lost, every editor ends with the server's text, and readers on
/// every silo keep hearing the comments. Each silo is killed once, so the silo the comment thread's grain lives on is
/// killed at least once; relays renew only every ten minutes here, so readers on the survivors hear the thread again
/// only because their relays resubscribe when a silo leaves. Each seed has a cluster of its own (silos are killed);
/// the tests share the three-silo collection so that they do not run beside the other cluster tests on a two-core
/// machine.
/// </summary>
[Collection(ThreeSiloNewsroom.Collection)]
public sealed class ClusterCrashTests
{
    // A restarted silo is ready in a few seconds; the grains that lived on a killed one come back once the survivors
    // have declared it dead (about two missed 2 s probes) or it has rejoined.
    private static readonly TimeSpan _recovery = TimeSpan.FromSeconds(60);
    private const int EditsPerStretch = 10;
    private const int CommentsPerStretch = 2;

    [Theory]
    [InlineData(11)]
    [InlineData(23)]
    public async Task KilledSilos_LoseNoAcknowledgedEditOrComment_AndEveryEditorConverges(int seed)
    {
        var random = new Random(seed);
        await using var azurite = await Azurite.StartAsync();
        await using var cluster = await NewsroomCluster.StartAsync(azurite, silos: 3, new Dictionary<string, string?>(ThreeSiloNewsroom.Settings)
        {
            ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "1000",
            ["Newsroom__Relay__RenewInterval"] = "00:10:00",
            ["Newsroom__Channels__SubscriptionExpiry"] = "00:20:00",
        });
        var silos = cluster.Silos;
        using var rosa = await silos[0].SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await silos[1].SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var ada = await silos[2].SignInAsync("ada", "ada-demo");
        var draftId = await rosa.CreateDraftAsync("A story typed through crashes");
        string slug;
        await using (var desk = await PublishingDesk.OpenAsync(silos[0]))
        {
            (_, slug) = await desk.PublishAsync("Results came in through the night.");
        }

        StaffSession[] sessions = [rosa, eddie, ada];
        var editors = new List<DraftEditorClient>();
        using var stop = new CancellationTokenSource();
        var commenter = new Commenter(silos, eddie, slug, seed);
        var readers = new LiveReader?[silos.Count];
        try
        {
            for (var i = 0; i < silos.Count; i++)
            {
                readers[i] = await LiveReader.JoinAsync(silos[i], slug);
            }

            foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
            {
                editors.Add(await DraftEditorClient.OpenAsync(session, draftId, $"silo{i}", recordEvents: false));
            }

            var typing = editors.Select((editor, i) => Type(editor, new Random(seed * 10 + i), stop.Token)).ToList();
            var commenting = commenter.RunAsync(new Random(seed + 1), stop.Token);

            await UnderLoad(editors, commenter, readers);
            foreach (var victim in Enumerable.Range(0, silos.Count).OrderBy(_ => random.Next()).ToList())
            {
                await silos[victim].KillAsync();
                await readers[victim]!.DisposeAsync();
                await silos[victim].RestartAsync();
                readers[victim] = await LiveReader.JoinAsync(silos[victim], slug);
                // The editor whose silo died reconnects to the same address, reopens the draft and catches up; the
                // others carry on, their pushes answered once the draft's grain is back on a survivor.
                await Eventually.Until(
                    async () =>
                    {
                        try
                        {
                            await editors[victim].ReconnectAsync(resendBeforePull: true);
                            return true;
                        }
                        catch (Exception) when (!stop.IsCancellationRequested)
                        {
                            return false;
                        }
                    },
                    reconnected => reconnected, _recovery, $"editor on silo {victim} reconnected");
                await UnderLoad(editors, commenter, readers);
            }

            await stop.CancelAsync();
            await Task.WhenAll(typing);
            await commenting;

            // Every edit is confirmed, and every editor holds the text the server holds.
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _recovery, "every edit confirmed");
            }

            var body = (await rosa.ReadDraftAsync(draftId)).GetProperty("fields").GetProperty("body");
            var (version, text) = (body.GetProperty("version").GetInt32(), JsStrings.Read(body.GetProperty("text")));
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.Version("body") >= version, _recovery, $"body at version {version}");
                Assert.True(text == editor.Text("body"), $"{editor.Describe()} differs from the server's body at version {version}");
                Assert.True(editor.Errors.IsEmpty, string.Join(" | ", editor.Errors));
            }

            // Every acknowledged comment is stored once, read through a silo that was killed and restarted.
            var stored = await commenter.StoredTextsAsync(silos[random.Next(silos.Count)]);
            var acknowledged = commenter.Acknowledged.ToArray();
            Assert.True(acknowledged.Length >= CommentsPerStretch * (silos.Count + 1), $"only {acknowledged.Length} comments were acknowledged");
            foreach (var comment in acknowledged)
            {
                Assert.True(stored.Count(s => s == comment) == 1, $"\"{comment}\" was acknowledged; stored: {string.Join(" | ", stored)}");
            }
        }
        catch (Exception e)
        {
            throw cluster.Explained(e);
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }

            foreach (var reader in readers)
            {
                if (reader is not null)
                {
                    await reader.DisposeAsync();
                }
            }
        }
    }

    // Waits for a stretch of work done under the current cluster: every editor's body moved on by the edits of all
    // editors, more comments acknowledged, and a comment acknowledged in this stretch heard by the reader on every silo.
    private static async Task UnderLoad(List<DraftEditorClient> editors, Commenter commenter, LiveReader?[] readers)
    {
        var before = commenter.Acknowledged.Count;
        var target = editors.Max(e => e.Version("body")) + EditsPerStretch * editors.Count;
        foreach (var editor in editors)
        {
            await editor.WaitUntilAsync(e => e.Version("body") >= target, _recovery, $"body at version {target}");
        }

        var comments = commenter.Acknowledged.Count + CommentsPerStretch;
        await Eventually.Until(
            () => Task.FromResult(commenter.Acknowledged.Count), n => n >= comments, _recovery, $"{comments} comments acknowledged");
        foreach (var (reader, silo) in readers.Select((r, i) => (r!, i)))
        {
            await Eventually.Until(
                () => Task.FromResult(commenter.Acknowledged.Skip(before).Any(reader.Heard.ContainsKey)),
                heard => heard,
                _recovery,
                $"the reader on silo {silo} to hear a comment acknowledged after comment {before}");
        }
    }

    private static async Task Type(DraftEditorClient editor, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            // A person types a little ahead of the server, never a minute's worth.
            if (editor.UnconfirmedCount < 20)
            {
                editor.Edit("body", doc => RandomEdits.Next(random, doc));
            }

            try
            {
                await Task.Delay(random.Next(20, 60), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A reader with the story open on one silo, hearing its comments as they are published.</summary>
    private sealed class LiveReader : IAsyncDisposable
    {
        private readonly CommentReader _reader;

        private LiveReader(CommentReader reader) => _reader = reader;

        public ConcurrentDictionary<string, bool> Heard { get; } = new();

        public static async Task<LiveReader> JoinAsync(NewsroomServer silo, string slug)
        {
            var reader = new LiveReader(await CommentReader.ConnectAsync(silo));
            reader._reader.Hub.OnEvents(e =>
            {
                if (e.GetProperty("event").TryGetProperty("comment", out var comment))
                {
                    reader.Heard[comment.GetProperty("text").GetString() ?? ""] = true;
                }
            });
            await reader._reader.Hub.InvokeAsync("Join", $"comments:{slug}");
            return reader;
        }

        public ValueTask DisposeAsync() => _reader.DisposeAsync();
    }

    /// <summary>A staff member posting through a silo picked at random; a post counts once the hub answered it.</summary>
    private sealed class Commenter(IReadOnlyList<NewsroomServer> silos, StaffSession staff, string slug, int seed)
    {
        public ConcurrentQueue<string> Acknowledged { get; } = new();

        public async Task RunAsync(Random random, CancellationToken stop)
        {
            var readers = new CommentReader?[silos.Count];
            try
            {
                for (var n = 1; !stop.IsCancellationRequested; n++)
                {
                    var silo = random.Next(silos.Count);
                    var text = $"Update {n} of seed {seed}, through silo {silo}.";
                    try
                    {
                        readers[silo] ??= await CommentReader.ConnectAsync(silos[silo], staff.Cookies);
                        await readers[silo]!.Post(slug, new { text });
                        Acknowledged.Enqueue(text);
                    }
                    catch (Exception) when (!stop.IsCancellationRequested)
                    {
                        // Not acknowledged (the silo died, or is not back yet): it may or may not be stored.
                        if (readers[silo] is { } dropped)
                        {
                            await dropped.DisposeAsync();
                            readers[silo] = null;
                        }
                    }

                    await Task.Delay(random.Next(100, 400), stop).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
            finally
            {
                foreach (var reader in readers)
                {
                    if (reader is not null)
                    {
                        await reader.DisposeAsync();
                    }
                }
            }
        }

        public async Task<List<string>> StoredTextsAsync(NewsroomServer silo)
        {
            await using var reader = await CommentReader.ConnectAsync(silo);
            var texts = new List<string>();
            string? cursor = null;
            do
            {
                var page = await reader.Page(slug, "oldest", cursor);
                texts.AddRange(page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString() ?? ""));
                cursor = page.GetProperty("nextCursor") is { ValueKind: JsonValueKind.String } next ? next.GetString() : null;
            }
            while (cursor is not null);

            return texts;
        }
    }
}
