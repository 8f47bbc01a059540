using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace Newsroom.Server.Configuration;

/// <summary>The validated Azure Storage connection string, and clients made from it.</summary>
public sealed class StorageConnection
{
    public const string SettingName = "ConnectionStrings:AzureStorage";

    private StorageConnection(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>Reads and checks the setting; throws <see cref="NewsroomConfigurationException"/> if unusable.</summary>
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

        try
        {
            // Both clients parse the string eagerly, so a malformed value fails here, not at first use.
            _ = new BlobServiceClient(value);
            _ = new TableServiceClient(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            throw new NewsroomConfigurationException(
                $"{SettingName} is malformed: {FirstLine(e.Message)} Expected key=value pairs such as " +
                "DefaultEndpointsProtocol=...;AccountName=...;AccountKey=...;BlobEndpoint=...;TableEndpoint=...");
        }

        return new StorageConnection(value);
    }

    public BlobServiceClient CreateBlobClient(BlobClientOptions? options = null) => new(ConnectionString, options);

    public TableServiceClient CreateTableClient(TableClientOptions? options = null) => new(ConnectionString, options);

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.EndsWith('.') ? line : line + ".";
    }
}
