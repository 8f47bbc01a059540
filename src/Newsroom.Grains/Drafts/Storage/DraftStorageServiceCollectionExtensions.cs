using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Newsroom.Grains.Drafts.Storage;

public static class DraftStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDraftLogFactory"/> over Azure Blob storage. Options come from
    /// <c>services.Configure&lt;DraftLogOptions&gt;(...)</c> (for instance bound to <see cref="DraftLogOptions.Section"/>)
    /// and are checked when the host starts.
    /// </summary>
    public static IServiceCollection AddNewsroomDraftStorage(
        this IServiceCollection services, Func<IServiceProvider, BlobServiceClient> blobs)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(blobs);
        services.AddOptions<DraftLogOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DraftLogOptions>, DraftLogOptionsValidator>());
        services.TryAddSingleton<IDraftLogFactory>(provider =>
            new BlobDraftLogFactory(blobs(provider), provider.GetRequiredService<IOptions<DraftLogOptions>>()));
        return services;
    }
}
