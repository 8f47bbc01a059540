using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Articles.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Articles;

public static class ArticleServiceCollectionExtensions
{
    /// <summary>
    /// Published stories: versions in Azure Blob storage, the story index in Azure Table storage, and channels
    /// <c>article:{slug}</c> and <c>stories:{index}</c>, open to readers and staff.
    /// </summary>
    public static IServiceCollection AddNewsroomArticles(
        this IServiceCollection services, Func<IServiceProvider, BlobServiceClient> blobs, Func<IServiceProvider, TableServiceClient> tables)
    {
        services.TryAddSingleton<IArticleVersionStore>(provider => new BlobArticleVersionStore(blobs(provider)));
        services.TryAddSingleton<IStoryStore>(provider => new TableStoryStore(tables(provider)));
        return services
            .AddChannelOwner<IArticleGrain>(ChannelKind.Article, ChannelAudience.Everyone, events => events
                .Add<ArticleUpdated>("article.updated")
                .Add<ArticleWithdrawn>("article.withdrawn"))
            .AddChannelOwner<IStoryIndexGrain>(ChannelKind.Stories, ChannelAudience.Everyone, events => events
                .Add<StoryChanged>("stories.changed"));
    }
}
