using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

public static class DraftServiceCollectionExtensions
{
    /// <summary>
    /// The draft feature: its log in Azure Blob storage, channel <c>draft:{id}</c> for staff, and the grain's tunables
    /// (<see cref="DraftOptions"/>), checked at start.
    /// </summary>
    public static IServiceCollection AddNewsroomDrafts(this IServiceCollection services, Func<IServiceProvider, BlobServiceClient> blobs)
    {
        services.AddOptions<DraftOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DraftOptions>, DraftOptionsValidator>());
        return services
            .AddNewsroomDraftStorage(blobs)
            .AddChannelOwner<IDraftGrain>(ChannelKind.Draft, ChannelAudience.Staff, events => events
                .Add<DraftUpdatesCommitted>("draft.updates")
                .Add<DraftMetadataChanged>("draft.metadata")
                .Add<DraftPresenceChanges>("draft.presence")
                .Add<DraftWorkflowChanged>("draft.workflow"));
    }
}
