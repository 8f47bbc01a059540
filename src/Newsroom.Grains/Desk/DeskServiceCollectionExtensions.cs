using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The desk feature: its draft rows in Azure Table storage, and channel <c>desk:{name}</c> for staff.</summary>
    public static IServiceCollection AddNewsroomDesk(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        services.TryAddSingleton<SiloDeparture>();
        return services
            .AddNewsroomDeskStorage(tables)
            .AddChannelOwner<IDeskGrain>(ChannelKind.Desk, ChannelAudience.Staff, events => events
                .Add<DeskBulletinPosted>("desk.bulletin-posted")
                .Add<DeskDraftChanged>("desk.draft-changed"));
    }
}
