using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Notifications.Email;

public static class MailboxServiceCollectionExtensions
{
    /// <summary>
    /// Mailboxes: their rows in Azure Table storage and the delivery settings of <see cref="EmailDeliveryOptions"/>
    /// (bind them with <c>services.Configure&lt;EmailDeliveryOptions&gt;(...)</c>), checked at start. The host also
    /// registers <see cref="IStaffAddresses"/>, <see cref="IUnsubscribeLinks"/> and an <see cref="IEmailSender"/>.
    /// </summary>
    public static IServiceCollection AddNewsroomMailbox(this IServiceCollection services, Func<IServiceProvider, TableServiceClient> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        services.AddOptions<EmailDeliveryOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailDeliveryOptions>, EmailDeliveryOptionsValidator>());
        services.TryAddSingleton<IMailboxStore>(provider => new TableMailboxStore(tables(provider)));
        return services.AddPersonRowsMigration(TableMailboxStore.TableName, tables);
    }
}
