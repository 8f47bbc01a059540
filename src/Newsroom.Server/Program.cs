using Newsroom.Server.Apis;
using Newsroom.Server.Configuration;
using Newsroom.Server.Extensions;
using Newsroom.Server.Notifications;

if (args is ["hash-password", ..])
{
    return HashPasswordCommand.Run();
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddNewsroomSettingsFile();
    builder.AddNewsroomStorage();
    builder.AddNewsroomOrleans();
    builder.AddNewsroomTelemetry();
    builder.AddNewsroomEmail();
    builder.AddNewsroomReaderNotifications();
    builder.AddNewsroomAuth();
    builder.AddNewsroomRealtime();
    builder.AddNewsroomHealth();
    builder.AddNewsroomReading();
    builder.Services.AddRazorPages();

    var app = builder.Build();
    app.UseNewsroomPipeline();
    app.MapNewsroomHealth();
    app.MapNewsroomHubs();
    app.MapDeskApi();
    app.MapDraftsApi();
    app.MapArticlesApi();
    app.MapReadingApi();
    app.MapDiagnosticsApi();
    app.MapNewsroomOperations();
    app.MapReaderInbox();
    app.MapNewsroomPages();
    app.Run();
    return 0;
}
catch (NewsroomConfigurationException e)
{
    // One line naming the setting; a stack trace from deep inside a provider helps nobody fix a typo.
    Console.Error.WriteLine($"Newsroom cannot start: {e.Message}");
    return 78;
}
