using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Newsroom.Grains.Desk;

public static class DeskStorageServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IDeskDraftStore"/> over Azure Table storage.</summary>
    public static IServiceCollection AddNewsroomDeskStorage(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tables);
        services.TryAddSingleton<IDeskDraftStore>(provider => new TableDeskDraftStore(tables(provider)));
        return services;
    }
}
