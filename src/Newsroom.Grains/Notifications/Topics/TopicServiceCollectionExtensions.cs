using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Newsroom.Grains.Notifications.Topics;

public static class TopicServiceCollectionExtensions
{
    /// <summary>Topics people follow: their subscriber rows in Azure Table <c>topics</c>.</summary>
    public static IServiceCollection AddNewsroomTopics(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tables);
        services.TryAddSingleton<ITopicStore>(provider => new TableTopicStore(tables(provider)));
        return services;
    }
}
