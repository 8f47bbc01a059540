using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Configuration;

namespace Newsroom.Server.Extensions;

public static class EmailExtensions
{
    /// <summary>
    /// Notification emails through the SMTP server of <c>Newsroom:Email</c> (Development: maildev, started by
    /// <c>./run.sh</c>). The settings are checked here, so a wrong one stops the start with one line naming it; the mail
    /// server itself is first reached when an email is sent.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomEmail(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmailOptions.Section);
        EmailOptions options;
        try
        {
            options = section.Get<EmailOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{EmailOptions.Section} is invalid: {e.Message}");
        }

        if (EmailOptionsValidator.Problems(options) is { Count: > 0 } problems)
        {
            throw new NewsroomConfigurationException(string.Join(" ", problems));
        }

        builder.Services.Configure<EmailOptions>(section);
        builder.Services.AddNewsroomEmail();
        return builder;
    }
}
