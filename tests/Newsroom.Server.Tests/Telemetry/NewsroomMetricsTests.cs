using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Telemetry;

/// <summary>What the newsroom does shows in its metrics, as a Prometheus scraper reads them.</summary>
[Collection(OperatorsNewsroom.Collection)]
public sealed class NewsroomMetricsTests(OperatorsNewsroom newsroom)
{
    private static readonly TimeSpan _delivery = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EditsCommentsConnectionsAndFanOut_AreCounted()
    {
        var before = await newsroom.ScrapeAsync();
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("Turnout passed sixty per cent by noon.");
        await using var reader = await CommentReader.ConnectAsync(newsroom.Server);
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.Hub.OnEvents(_ => heard.TrySetResult());
        await reader.Hub.InvokeAsync("Join", $"comments:{slug}");
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, eddie.Cookies);

        await staff.Post(slug, new { text = "The count resumes at eight." });
        await heard.Task.WaitAsync(_delivery);
        var held = await reader.Post(slug, CommentReader.Guest("Was the turnout higher in the north?"));
        var during = await newsroom.ScrapeAsync();

        Assert.True(held.GetProperty("held").GetBoolean());
        // The draft's body and metadata, and each workflow step's change: at least the body's one update.
        Assert.True(Delta(before, during, "newsroom_draft_edits_accepted_total") >= 1);
        Assert.True(Delta(before, during, "newsroom_draft_commit_duration_milliseconds_count") >= 1);
        Assert.True(Delta(before, during, "newsroom_draft_commit_batch_size_count") >= 1);
        Assert.Equal(1, Delta(before, during, "newsroom_comments_posted_total", ("status", "published")));
        Assert.Equal(1, Delta(before, during, "newsroom_comments_posted_total", ("status", "held")));
        // The desk's two pages and the staff member's comment box on the staff and reader hubs; the reader on the readers'.
        Assert.Equal(2, during.Sum("newsroom_connections_live", ("hub", "staff")));
        Assert.Equal(2, during.Sum("newsroom_connections_live", ("hub", "readers")));
        // The published comment reached this silo's relay and was sent to the reader's group.
        Assert.True(Delta(before, during, "newsroom_fanout_delay_milliseconds_count") >= 1);
        // ... after a delay that was measured, however short: publish and send are never the same instant.
        Assert.True(Delta(before, during, "newsroom_fanout_delay_milliseconds_sum") > 0);
        // Orleans' own meters are exported beside the newsroom's.
        Assert.True(during.Sum("orleans_catalog_activations") >= 1);

        // Rosa wrote the story, so she is told of the comment on it, in her inbox.
        await Eventually.Until(
            newsroom.ScrapeAsync, m => Delta(before, m, "newsroom_notifications_delivered_total") >= 1, _delivery, "the story's writer to be told");

        await reader.DisposeAsync();
        await staff.DisposeAsync();
        await Eventually.Until(
            newsroom.ScrapeAsync, m => m.Sum("newsroom_connections_live", ("hub", "readers")) == 0, _delivery, "the readers' connections to be counted out");
    }

    [Fact]
    public async Task StorageThatRefusesConnections_IsCountedAsStorageErrors()
    {
        var before = await newsroom.ScrapeAsync();

        // Stopped gracefully: a kill can lose what Azurite wrote in its last seconds (it saves every 5 s), such as the
        // containers this server made at its start, and the other tests of this server go on using them.
        await newsroom.Azurite.StopGracefullyAsync();
        try
        {
            // The readiness probe asks storage once, without retrying.
            using var http = newsroom.Server.CreateClient();
            var ready = await http.GetAsync("/health/ready");
            var during = await newsroom.ScrapeAsync();

            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.True(Delta(before, during, "newsroom_storage_errors_total", ("service", "blob"), ("status", "none")) >= 1);
        }
        finally
        {
            await newsroom.Azurite.RestartAsync();
        }

        await Eventually.Until(
            async () => (await newsroom.Server.CreateClient().GetAsync("/health/ready")).StatusCode,
            s => s == System.Net.HttpStatusCode.OK,
            TimeSpan.FromSeconds(30),
            "the server to be ready again");
    }

    private static double Delta(ScrapedMetrics before, ScrapedMetrics after, string name, params (string, string)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);
}
