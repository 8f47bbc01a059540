using Newsroom.Server.Notifications;

namespace Newsroom.Server.Extensions;

public static class ReaderNotificationExtensions
{
    /// <summary>
    /// Guests' subscriptions from the comment widget: confirmation links (<c>Newsroom:Notifications:Readers</c>, checked
    /// here so a wrong setting stops the start with one line naming it) and the confirm page's work.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomReaderNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ReaderSubscriptionOptions.FromConfiguration(builder.Configuration));
        builder.Services.AddSingleton<ReaderSubscriptionTokens>();
        builder.Services.AddSingleton<ReaderSubscriptions>();
        builder.Services.AddSingleton<ReaderConfirmation>();
        return builder;
    }
}
