using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newsroom.Core.Notifications;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Notifications.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// Inboxes: their rows in Azure Table storage, and channel <c>user:{userName}</c> for the staff member alone (staff
    /// hub), <c>user:guest.{emailHash}</c> for the guest confirmed for that email alone (reader hub): each hub admits
    /// only its caller's own.
    /// </summary>
    public static IServiceCollection AddNewsroomInbox(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(tables);
        services.TryAddSingleton(provider => new TableInboxStore(tables(provider), provider.GetService<TimeProvider>()));
        services.TryAddSingleton<IInboxStore>(provider => provider.GetRequiredService<TableInboxStore>());
        services.AddHostedService<InboxPackSettler>();
        services.TryAddSingleton<IInboxFollowStore>(provider => new TableInboxFollowStore(tables(provider)));
        services.AddPersonRowsMigration(TableInboxStore.TableName, tables);
        return services.AddChannelOwner<IInboxGrain>(
            ChannelKind.User,
            ChannelAudience.Everyone,
            events => events
                .Add<NotificationArrived>("notification.new")
                .Add<NotificationsRead>("notification.read")
                .Add<AllNotificationsRead>("notification.allRead"),
            InboxKey.OfUserChannel);
    }
}
