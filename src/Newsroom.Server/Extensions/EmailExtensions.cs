using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Configuration;
using Newsroom.Server.Notifications;

namespace Newsroom.Server.Extensions;

public static class EmailExtensions
{
    /// <summary>
    /// Notification emails through the SMTP server of <c>Newsroom:Email</c> (Development: maildev, started by
    /// <c>./run.sh</c>), when each person's mailbox says (<see cref="EmailDeliveryOptions"/>), with staff addresses from
    /// their accounts and signed unsubscribe links. The settings are checked here, so a wrong one stops the start with one line naming it; the mail
    /// server itself is first reached when an email is sent.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.Section);
        var problems = EmailOptionsValidator.Problems(Read<EmailOptions>(section))
            .Concat(EmailDeliveryOptionsValidator.Problems(Read<EmailDeliveryOptions>(section)))
            .ToList();
        if (problems.Count > 0)
        {
            throw new NewsroomConfigurationException(string.Join(" ", problems));
        }

        builder.Services.Configure<EmailOptions>(section);
        builder.Services.Configure<EmailDeliveryOptions>(section);
        builder.Services.AddNewsroomEmail();
        builder.Services.AddSingleton<IStaffAddresses, StaffAddresses>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<IUnsubscribeLinks>(provider => provider.GetRequiredService<UnsubscribeTokens>());
        return builder;
    }

    private static T Read<T>(IConfigurationSection section)
        where T : new()
    {
        try
        {
            return section.Get<T>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{EmailOptions.Section} is invalid: {e.Message}");
        }
    }
}
