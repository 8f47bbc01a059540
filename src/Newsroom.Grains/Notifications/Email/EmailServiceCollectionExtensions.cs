using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Notifications.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Notification emails over SMTP (<see cref="IEmailSender"/>), with the settings of <see cref="EmailOptions"/> (bind
    /// them with <c>services.Configure&lt;EmailOptions&gt;(...)</c>), checked at start.
    /// </summary>
    public static IServiceCollection AddNewsroomEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        return services;
    }
}
