using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Newsroom.Server.Telemetry;

namespace Newsroom.Server.Configuration;

/// <summary>
/// The validated Azure Storage connection strings, and clients made from them: the newsroom's account, and the account
/// notifications keep their inboxes, mailboxes and subscriber lists in (the same one unless configured apart).
/// </summary>
public sealed class StorageConnection
{
    public const string SettingName = "ConnectionStrings:AzureStorage";
    public const string NotificationsSettingName = "ConnectionStrings:NotificationStorage";

    /// <summary>
    /// Connections open at once from this silo to the notifications' account. A fan-out to thousands of inboxes and
    /// mailboxes activated for the first time sends thousands of requests at once, and .NET's HTTP handler opens a
    /// connection for every one in flight: storage then spends on connecting what it would spend on answering. Measured
    /// on Azurite, the first comment on a story 5,000 follow reached the last inbox after 18.4 s without a bound and
    /// 6.5 s with this one (README "Notifications", Speed).
    /// </summary>
    public const int NotificationConnections = 64;

    private readonly Lazy<HttpPipelineTransport> _notificationTransport = new(() =>
        new HttpClientTransport(new SocketsHttpHandler { MaxConnectionsPerServer = NotificationConnections }));

    private StorageConnection(string connectionString, string notificationsConnectionString)
    {
        ConnectionString = connectionString;
        NotificationsConnectionString = notificationsConnectionString;
    }

    public string ConnectionString { get; }

    /// <summary>
    /// A story with thousands of followers writes thousands of inbox rows per comment; in an account of their own
    /// they neither count against the newsroom account's request limits nor queue ahead of its comment and edit writes.
    /// </summary>
    public string NotificationsConnectionString { get; }

    public bool NotificationsApart => NotificationsConnectionString != ConnectionString;

    /// <summary>Reads and checks the settings; throws <see cref="NewsroomConfigurationException"/> if unusable.</summary>
    public static StorageConnection FromConfiguration(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString("AzureStorage");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new NewsroomConfigurationException(
                $"{SettingName} is not set. Give an Azure Storage connection string " +
                "(for the local emulator: UseDevelopmentStorage=true), for example through the environment " +
                "variable ConnectionStrings__AzureStorage.");
        }

        var notifications = configuration.GetConnectionString("NotificationStorage");
        if (notifications is not null && string.IsNullOrWhiteSpace(notifications))
        {
            throw new NewsroomConfigurationException(
                $"{NotificationsSettingName} is empty. Leave it out to keep notifications in {SettingName}'s account, " +
                "or give that account's connection string.");
        }

        Check(value, SettingName);
        if (notifications is not null)
        {
            Check(notifications, NotificationsSettingName);
        }

        return new StorageConnection(value, notifications ?? value);
    }

    public BlobServiceClient CreateBlobClient(BlobClientOptions? options = null) =>
        new(ConnectionString, StorageErrorCount.AddTo(options ?? new BlobClientOptions(), "blob"));

    public TableServiceClient CreateTableClient(TableClientOptions? options = null) =>
        new(ConnectionString, StorageErrorCount.AddTo(options ?? new TableClientOptions(), "table"));

    /// <summary>
    /// A client of the notifications' account. Without <paramref name="options"/> it shares this connection's pool of at
    /// most <see cref="NotificationConnections"/> connections with every other such client (a caller with options of
    /// its own, as the health check, keeps a pool apart, so it is never queued behind a fan-out).
    /// </summary>
    public TableServiceClient CreateNotificationTableClient(TableClientOptions? options = null) =>
        new(NotificationsConnectionString, StorageErrorCount.AddTo(
            options ?? new TableClientOptions { Transport = _notificationTransport.Value }, "table"));

    private static void Check(string value, string settingName)
    {
        try
        {
            // Both clients parse the string eagerly, so a malformed value fails here, not at first use.
            _ = new BlobServiceClient(value);
            _ = new TableServiceClient(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new NewsroomConfigurationException(
                $"{settingName} is malformed: {FirstLine(e.Message)} Expected key=value pairs such as " +
                "DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;BlobEndpoint=...;TableEndpoint=...");
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
