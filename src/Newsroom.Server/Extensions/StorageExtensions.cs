using Newsroom.Server.Configuration;

namespace Newsroom.Server.Extensions;

public static class StorageExtensions
{
    /// <summary>Checks <c>ConnectionStrings:AzureStorage</c> before anything else is composed.</summary>
    public static WebApplicationBuilder AddNewsroomStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(StorageConnection.FromConfiguration(builder.Configuration));
        return builder;
    }

    internal static StorageConnection GetStorageConnection(this WebApplicationBuilder builder) =>
        builder.Services.Single(s => s.ServiceType == typeof(StorageConnection)).ImplementationInstance as StorageConnection
        ?? throw new InvalidOperationException("Call AddNewsroomStorage first.");
}
