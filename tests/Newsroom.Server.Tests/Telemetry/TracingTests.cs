using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Telemetry;

/// <summary>
/// With traces exported (here to the console), a push and a comment post are each one trace from the hub call through
/// the grain call to the storage request that made them durable.
/// </summary>
public sealed class TracingTests
{
    private static readonly TimeSpan _export = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task APushAndACommentPost_AreTracedFromTheHubCallToTheStorageRequest()
    {
        await using var newsroom = await NewsroomOnAzurite.StartAsync(new Dictionary<string, string?>
        {
            ["Newsroom__Telemetry__Exporter"] = "Console",
        });
        // Everything the server writes from here: the exporter writes more than the process's last lines keep.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        newsroom.Server.Process.Follow(output.Enqueue);
        await using var desk = await PublishingDesk.OpenAsync(newsroom.Server);
        var (_, slug) = await desk.PublishAsync("Polling stations closed at eight.");
        using var eddie = await newsroom.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(newsroom.Server, eddie.Cookies);
        await staff.Post(slug, new { text = "The first results are due at midnight." });

        var spans = await Eventually.Until(
            () => Task.FromResult(ExportedSpan.Read(string.Join('\n', output))),
            s => s.Any(x => x.Name == "ReaderHub/PostComment") && s.Any(x => x.Name == "StaffHub/PushUpdates"),
            _export,
            "the hub calls' spans to be written");

        // A push: the hub call, the grain call it made, and the append of the batch that carried it, whose storage
        // request is the append's child. The append is linked to every push in its batch.
        var push = spans.First(s => s.Name == "StaffHub/PushUpdates" && s.Source == "Newsroom");
        Assert.Contains(spans, s => s.TraceId == push.TraceId && s.Name == "IDraftGrain/Push" && s.Source == "Microsoft.Orleans.Application");
        var append = spans.Where(s => s.Name == "draft append").FirstOrDefault(s => s.LinkedTraces.Contains(push.TraceId));
        Assert.NotNull(append);
        Assert.Contains(spans, s => s.ParentSpanId == append.SpanId && s.TraceId == append.TraceId && s.Source.StartsWith("Azure.", StringComparison.Ordinal));

        // A comment: the hub call, the thread grain's Post, its store, and the table transaction under it.
        var post = spans.First(s => s.Name == "ReaderHub/PostComment");
        Assert.Contains(spans, s => s.TraceId == post.TraceId && s.Name == "ICommentThreadGrain/Post");
        var store = Assert.Single(spans, s => s.TraceId == post.TraceId && s.Name == "comment store");
        Assert.Contains(spans, s => s.ParentSpanId == store.SpanId && s.Source.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));
    }
}
