using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Grains.Notifications.Guests.Storage;

namespace Newsroom.Grains.Notifications.Guests;

public static class GuestReaderServiceCollectionExtensions
{
    /// <summary>Guest readers' confirmed emails, in Azure Table storage.</summary>
    public static IServiceCollection AddNewsroomGuestReaders(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tables);
        services.TryAddSingleton<IGuestReaderStore>(provider => new TableGuestReaderStore(tables(provider)));
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
