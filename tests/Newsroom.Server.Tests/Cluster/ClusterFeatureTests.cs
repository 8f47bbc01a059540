using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Server.Tests.Drafts;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Cluster;

/// <summary>
/// Every feature across three silos: whichever silo a grain lives on, people connected to any silo co-edit, read the
/// comments and are told, and a silo that joins later hears grains that live elsewhere.
/// </summary>
[Collection(ThreeSiloNewsroom.Collection)]
public sealed class ClusterFeatureTests(ThreeSiloNewsroom newsroom)
{
    private static readonly TimeSpan _delivery = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task EditorsOnThreeSilos_CoEditOneDraft_AndAllEndWithTheServersText()
    {
        using var rosa = await newsroom[0].SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var eddie = await newsroom[1].SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        using var ada = await newsroom[2].SignInAsync("ada", "ada-demo");
        var draftId = await rosa.CreateDraftAsync("Three silos, one story");
        StaffSession[] sessions = [rosa, eddie, ada];
        var editors = new List<DraftEditorClient>();
        try
        {
            foreach (var (session, i) in sessions.Select((s, i) => (s, i)))
            {
                editors.Add(await DraftEditorClient.OpenAsync(session, draftId, $"silo{i}"));
            }

            await Task.WhenAll(editors.Select((editor, i) => Type(editor, new Random(i + 1), 40)));
            foreach (var editor in editors)
            {
                await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _delivery, "every edit confirmed");
            }

            // Read through each silo: the same text, and every editor reaches it.
            foreach (var session in sessions)
            {
                var body = (await session.ReadDraftAsync(draftId)).GetProperty("fields").GetProperty("body");
                var (version, text) = (body.GetProperty("version").GetInt32(), JsStrings.Read(body.GetProperty("text")));
                Assert.True(version >= 3 * 30, $"the body reached version {version} only");
                foreach (var editor in editors)
                {
                    await editor.WaitUntilAsync(e => e.Version("body") >= version, _delivery, $"body at version {version}");
                    Assert.True(text == editor.Text("body"), $"{editor.Describe()} ends with {Escaped(editor.Text("body"))}; the server's body at version {version} is {Escaped(text)}");
                    Assert.True(editor.Errors.IsEmpty, string.Join(" | ", editor.Errors));
                }
            }
        }
        finally
        {
            foreach (var editor in editors)
            {
                await editor.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ACommentPostedThroughAnySilo_ReachesReadersOnEverySilo()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom[0]);
        var (_, slug) = await desk.PublishAsync("The count in the north was delayed.");
        var readers = new List<(CommentReader Reader, ConcurrentQueue<string> Heard)>();
        try
        {
            foreach (var silo in newsroom.Cluster.Silos)
            {
                var reader = await CommentReader.ConnectAsync(silo);
                var heard = new ConcurrentQueue<string>();
                reader.Hub.OnEvents(e => heard.Enqueue(e.GetProperty("event").GetProperty("comment").GetProperty("text").GetString() ?? ""));
                await reader.Hub.InvokeAsync("Join", $"comments:{slug}");
                readers.Add((reader, heard));
            }

            // Staff comments are published at once: one through the second silo, one through the third.
            using var eddie = await newsroom[1].SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
            using var ada = await newsroom[2].SignInAsync("ada", "ada-demo");
            await using var viaSecond = await CommentReader.ConnectAsync(newsroom[1], eddie.Cookies);
            await using var viaThird = await CommentReader.ConnectAsync(newsroom[2], ada.Cookies);
            await viaSecond.Post(slug, new { text = "Northern results expected by two." });
            await viaThird.Post(slug, new { text = "Turnout figures follow." });

            foreach (var (_, heard) in readers)
            {
                await Eventually.Until(
                    () => Task.FromResult(heard.ToArray()), h => h.Length >= 2, _delivery, "both comments on every silo");
                Assert.Equal(["Northern results expected by two.", "Turnout figures follow."], heard.Order(StringComparer.Ordinal));
            }
        }
        finally
        {
            foreach (var (reader, _) in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ANotification_ReachesThePersonsTabsOnEverySilo()
    {
        // Ada writes the story, so she is told of comments on it; she has a tab open on each silo.
        await using var desk = await PublishingDesk.OpenAsync(newsroom[2], ("ada", "ada-demo"));
        var (_, slug) = await desk.PublishAsync("Polls reopened in two districts.");
        var tabs = new List<(StaffSession Session, HubConnection Hub, TaskCompletionSource<JsonElement> Told)>();
        try
        {
            foreach (var silo in newsroom.Cluster.Silos)
            {
                var session = await silo.SignInAsync("ada", "ada-demo");
                var hub = session.Connect();
                var told = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
                // The comment's notification, not the workflow's ones that may still be on their way.
                hub.OnEvents(e =>
                {
                    var arrived = e.GetProperty("event");
                    if (arrived.GetProperty("type").GetString() == "notification.new"
                        && arrived.GetProperty("entry").GetProperty("notification").GetProperty("link").GetString()?.Contains(slug, StringComparison.Ordinal) == true)
                    {
                        told.TrySetResult(e);
                    }
                });
                await hub.StartAsync();
                await hub.InvokeAsync("Join", "user:ada");
                tabs.Add((session, hub, told));
            }

            using var eddie = await newsroom[0].SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
            await using var commenter = await CommentReader.ConnectAsync(newsroom[0], eddie.Cookies);
            await commenter.Post(slug, new { text = "Which districts?" });

            foreach (var (_, _, told) in tabs)
            {
                var envelope = await told.Task.WaitAsync(_delivery);
                Assert.Equal("user:ada", envelope.GetProperty("channel").GetString());
            }
        }
        finally
        {
            foreach (var (session, hub, _) in tabs)
            {
                await hub.DisposeAsync();
                session.Dispose();
            }
        }
    }

    [Fact]
    public async Task ASiloThatJoinsLater_HearsEventsOfGrainsLivingElsewhere()
    {
        await using var desk = await PublishingDesk.OpenAsync(newsroom[0]);
        var (_, slug) = await desk.PublishAsync("A recount was ordered.");
        // The thread grain is active now, on one of the first three silos.
        await CommentingGuest.PostAsync(newsroom[1], slug, "Where is the recount?");
        var late = await newsroom.Cluster.AddSiloAsync();
        try
        {
            await using var reader = await CommentReader.ConnectAsync(late);
            var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            reader.Hub.OnEvents(e => heard.TrySetResult(e.GetProperty("event").GetProperty("comment").GetProperty("text").GetString() ?? ""));
            await reader.Hub.InvokeAsync("Join", $"comments:{slug}");
            using var eddie = await newsroom[0].SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
            await using var staff = await CommentReader.ConnectAsync(newsroom[0], eddie.Cookies);

            await staff.Post(slug, new { text = "At the county hall, from nine." });

            Assert.Equal("At the county hall, from nine.", await heard.Task.WaitAsync(_delivery));
        }
        finally
        {
            await newsroom.Cluster.RemoveSiloAsync(late);
        }
    }

    private static string Escaped(string text) => string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:x4}"));

    private static async Task Type(DraftEditorClient editor, Random random, int edits)
    {
        for (var i = 0; i < edits; i++)
        {
            editor.Edit("body", doc => RandomEdits.Next(random, doc));
            await Task.Delay(random.Next(0, 10));
        }
    }
}
