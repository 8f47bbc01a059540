using Microsoft.Extensions.Diagnostics.HealthChecks;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Health;

namespace Newsroom.Server.Articles;

/// <summary>
/// Development only: once the host has started, publishes the <see cref="DemoStories"/> that are not published yet
/// (a slug that exists is left as it is), so <c>./run.sh</c> shows a living newsroom at once. <c>/health/ready</c>
/// waits for it (<see cref="DemoNewsroomHealthCheck"/>). The stories get fresh draft ids; no drafts are created for them.
/// </summary>
public sealed partial class DemoNewsroom(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<DemoNewsroom> logger)
    : StartupTask(lifetime, logger)
{
    protected override string What => "Publishing the demo stories";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
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
}

/// <summary>Ready once the demo stories are published (Development only), so tests and the first reader find them.</summary>
public sealed class DemoNewsroomHealthCheck(DemoNewsroom demo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(demo.Done.IsCompleted ? HealthCheckResult.Healthy("Demo stories published.") : HealthCheckResult.Unhealthy("Publishing the demo stories."));
}
