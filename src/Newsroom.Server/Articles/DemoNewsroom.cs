using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;

namespace Newsroom.Server.Articles;

/// <summary>
/// Development only: once the host has started, publishes the <see cref="DemoStories"/> that are not published yet
/// (a slug that exists is left as it is), so <c>./run.sh</c> shows a living newsroom at once. <c>/health/ready</c>
/// waits for it (<see cref="DemoNewsroomHealthCheck"/>). The stories get fresh draft ids; no drafts are created for them.
/// </summary>
public sealed partial class DemoNewsroom(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoNewsroom> logger) : BackgroundService
{
    private static readonly TimeSpan _giveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _retryAfter = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the demo stories are published or seeding gave up.</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
            var deadline = DateTime.UtcNow + _giveUpAfter;
            while (true)
            {
                try
                {
                    await PublishMissingAsync(stoppingToken);
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && DateTime.UtcNow < deadline)
                {
                    LogRetrying(e.Message);
                    await Task.Delay(_retryAfter, stoppingToken);
                }
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogGaveUp(e);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    private async Task PublishMissingAsync(CancellationToken cancellationToken)
    {
        foreach (var story in DemoStories.All)
        {
            var article = grains.GetGrain<IArticleGrain>(story.Slug);
            var existing = await article.Get().WaitAsync(cancellationToken);
            var draftId = existing?.Current.DraftId ?? DraftId.New();
            if (existing is null)
            {
                await article.Publish(new ArticlePublication(draftId, 0, story.Content, ArticleChangeKind.First, "", DemoStories.Byline, null))
                    .WaitAsync(cancellationToken);
                LogPublished(story.Slug);
            }

            // A start that stopped between the two publications finishes the demo story's history; any other story under
            // the slug is never touched.
            var onlyDemoFirstVersion = existing is null
                || (existing.Revisions.Count == 1 && existing.Current.Content.Body == story.Content.Body && existing.Current.Content.Headline == story.Content.Headline);
            if (story.Correction is { } correction && onlyDemoFirstVersion)
            {
                await article.Publish(new ArticlePublication(
                    draftId, 0, story.Content with { Body = correction.Body }, ArticleChangeKind.Correction, correction.Note, DemoStories.Byline, null))
                    .WaitAsync(cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo newsroom: published '{Slug}'.")]
    private partial void LogPublished(string slug);

    [LoggerMessage(Level = LogLevel.Information, Message = "Publishing the demo stories failed and will be retried (storage may still be starting): {Reason}")]
    private partial void LogRetrying(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the demo stories gave up.")]
    private partial void LogGaveUp(Exception exception);
}

/// <summary>Ready once the demo stories are published (Development only), so tests and the first reader find them.</summary>
public sealed class DemoNewsroomHealthCheck(DemoNewsroom demo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(demo.Done.IsCompleted ? HealthCheckResult.Healthy("Demo stories published.") : HealthCheckResult.Unhealthy("Publishing the demo stories."));
}
