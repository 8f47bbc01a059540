using System.Net;
using Newsroom.Grains;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Guests;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Notifications.Topics;
using Newsroom.Grains.Realtime;
using Newsroom.Server.Configuration;
using Orleans.Configuration;

namespace Newsroom.Server.Extensions;

public static class OrleansExtensions
{
    /// <summary>
    /// Co-hosts the silo: grain state in Azure Storage (blobs for large state, tables for small), and
    /// localhost or Azure Table clustering as <c>Newsroom:Cluster</c> says.
    /// </summary>
    public static WebApplicationBuilder AddNewsroomOrleans(this WebApplicationBuilder builder)
    {
        var storage = builder.GetStorageConnection();
        var cluster = NewsroomClusterOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<ChannelOptions>(builder.Configuration.GetSection(ChannelOptions.Section));
        builder.Services.Configure<InboxPackOptions>(CheckedInboxPacks(builder.Configuration));
        builder.Services.Configure<DraftOptions>(builder.Configuration.GetSection(DraftOptions.Section));
        builder.Services.Configure<DraftLogOptions>(builder.Configuration.GetSection(DraftLogOptions.Section));
        builder.Services.Configure<CommentOptions>(builder.Configuration.GetSection(CommentOptions.Section));
        // Each feature registers its storage and the channel kind its grains own; notifications may keep theirs in an
        // account of their own (ConnectionStrings:NotificationStorage).
        builder.Services.AddNewsroomDrafts(_ => storage.CreateBlobClient());
        builder.Services.AddNewsroomDesk(_ => storage.CreateTableClient());
        builder.Services.AddNewsroomArticles(_ => storage.CreateBlobClient(), _ => storage.CreateTableClient());
        builder.Services.AddNewsroomComments(_ => storage.CreateTableClient());
        builder.Services.AddNewsroomInbox(_ => storage.CreateNotificationTableClient());
        builder.Services.AddNewsroomTopics(_ => storage.CreateNotificationTableClient());
        builder.Services.AddNewsroomMailbox(_ => storage.CreateNotificationTableClient());
        builder.Services.AddNewsroomGuestReaders(_ => storage.CreateNotificationTableClient());

        builder.UseOrleans(silo =>
        {
            if (cluster.Clustering == ClusteringMode.Localhost)
            {
                silo.UseLocalhostClustering(
                    cluster.SiloPort, cluster.GatewayPort, cluster.ParsePrimarySiloEndpoint(), cluster.ServiceId, cluster.ClusterId);
            }
            else
            {
                silo.UseAzureStorageClustering(o => o.TableServiceClient = storage.CreateTableClient());
                silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                var advertised = cluster.AdvertisedAddress is { Length: > 0 } address ? IPAddress.Parse(address) : null;
                if (advertised is null)
                {
                    silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
                else
                {
                    silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                }
            }

            silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = cluster.ResponseTimeout);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = cluster.ProbeTimeout;
                o.NumMissedProbesLimit = cluster.MissedProbesLimit;
            });
            silo.AddAzureBlobGrainStorage(StorageNames.Large, o =>
            {
                o.BlobServiceClient = storage.CreateBlobClient();
                o.ContainerName = "grain-state";
            });
            silo.AddAzureTableGrainStorage(StorageNames.Small, o =>
            {
                o.TableServiceClient = storage.CreateTableClient();
                o.TableName = "GrainState";
            });
            // A partition's mailboxes with emails waiting keep one reminder (IMailboxWakeGrain), so a digest is sent after
            // a restart too. They are the only reminders: the table lives with the rest of the notifications' storage.
            silo.UseAzureTableReminderService(o => o.TableServiceClient = storage.CreateNotificationTableClient());
            // Orleans refuses reminders under a minute unless told otherwise; the wake period's own lower bound applies.
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = EmailDeliveryOptionsValidator.MinWakePeriod);
        });
        return builder;
    }

    // Checked here, so a wrong value stops the start with one line naming it.
    private static IConfigurationSection CheckedInboxPacks(IConfiguration configuration)
    {
        var section = configuration.GetSection(InboxPackOptions.Section);
        InboxPackOptions options;
        try
        {
            options = section.Get<InboxPackOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{InboxPackOptions.Section} is invalid: {e.Message}");
        }

        return options.Problem is { } problem ? throw new NewsroomConfigurationException(problem) : section;
    }
}
