using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Realtime;

namespace Newsroom.Grains.Drafts;

public static class DraftServiceCollectionExtensions
{
    /// <summary>The draft feature: its log in Azure Blob storage, and channel <c>draft:{id}</c> for staff.</summary>
    public static IServiceCollection AddNewsroomDrafts(this IServiceCollection services, Func<IServiceProvider, BlobServiceClient> blobs) =>
        services
            .AddNewsroomDraftStorage(blobs)
            .AddChannelOwner<IDraftGrain>(ChannelKind.Draft, ChannelAudience.Staff, events => events
                .Add<DraftUpdatesCommitted>("draft.updates")
                .Add<DraftMetadataChanged>("draft.metadata")
                .Add<DraftPresenceChanges>("draft.presence")
                .Add<DraftWorkflowChanged>("draft.workflow"));
}
