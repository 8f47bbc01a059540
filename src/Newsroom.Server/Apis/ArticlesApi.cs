using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles;

namespace Newsroom.Server.Apis;

/// <summary>Published stories as data: what a reader's page loads when it catches up, and what scripts and tests read.</summary>
public static class ArticlesApi
{
    public static WebApplication MapArticlesApi(this WebApplication app)
    {
        app.MapGet("/api/articles/{slug}", GetArticle);
        return app;
    }

    public static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> GetArticle(string slug, IGrainFactory grains)
    {
        if (!ChannelName.TryParse($"article:{slug}", out _, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Not a story's address");
        }

        return await grains.GetGrain<IArticleGrain>(slug).Get() is { } article
            ? TypedResults.Ok(article)
            : TypedResults.Problem($"No story is published at '{slug}'.", statusCode: StatusCodes.Status404NotFound, title: "No such story");
    }
}
