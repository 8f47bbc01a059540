using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Drafts.Storage;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Notifications.Topics;
using Newsroom.Grains.Realtime;
using Orleans.TestingHost;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// The test silo, wired as the server wires its own (src/Newsroom.Server/Extensions/OrleansExtensions.cs):
/// grain storage <c>large</c> and <c>small</c>, the draft log and the desk's draft rows, all on the shared
/// Azurite, with the production defaults of every option but the drafts' commit interval (zero). The clock and the draft log differ too: the
/// clock is a fake the tests move, and the log is watched (and can be held) by <see cref="DraftLogProbe"/>.
/// </summary>
internal static class NewsroomSilo
{
    /// <summary>Which grain owns which channel, as the features register it (the client side has no silo services).</summary>
    public static ChannelOwners ChannelOwners { get; } =
        Features(new ServiceCollection(), () => null!, () => null!).BuildServiceProvider().GetRequiredService<ChannelOwners>();

    public static void Configure(
        ISiloBuilder silo, string storage, FakeTimeProvider clock, DraftLogProbe logs, CommentStoreProbe comments, ModerationQueueProbe moderationQueue,
        InboxStoreProbe inboxes, RecordingEmailSender emails)
    {
        var services = silo.Services;
        UseFakeClockForGrains(services, clock);
        services.Configure<ChannelOptions>(_ => { });
        // The fake clock stands still unless a test moves it, so a busy draft's wait for its next write would never end.
        services.Configure<DraftOptions>(o => o.CommitInterval = TimeSpan.Zero);
        services.Configure<DraftLogOptions>(_ => { });
        services.Configure<CommentOptions>(o =>
        {
            o.BannedWords = [CommentTestWords.Banned];
            o.SuspectWords = [CommentTestWords.Suspect];
        });
        services.Configure<EmailDeliveryOptions>(o => o.SiteAddress = "https://news.example.org/");
        Features(services, () => new BlobServiceClient(storage), () => new TableServiceClient(storage));
        services.AddSingleton<IEmailSender>(emails);
        services.AddSingleton<IStaffAddresses, TestStaffAddresses>();
        services.AddSingleton<IUnsubscribeLinks, TestUnsubscribeLinks>();
        logs.WrapRegisteredFactory(services);
        comments.WrapRegisteredStore(services);
        moderationQueue.WrapRegisteredStore(services);
        inboxes.WrapRegisteredStore(services);

        silo.AddAzureBlobGrainStorage(StorageNames.Large, o =>
        {
            o.BlobServiceClient = new BlobServiceClient(storage);
            o.ContainerName = "grain-state";
        });
        silo.AddAzureTableGrainStorage(StorageNames.Small, o =>
        {
            o.TableServiceClient = new TableServiceClient(storage);
            o.TableName = "GrainState";
        });
        silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(storage));
    }

    // Each feature's own registration, as the server's host makes it: its storage and the channel kind it owns.
    private static IServiceCollection Features(IServiceCollection services, Func<BlobServiceClient> blobs, Func<TableServiceClient> tables) =>
        services
            .AddNewsroomDrafts(_ => blobs())
            .AddNewsroomDesk(_ => tables())
            .AddNewsroomArticles(_ => blobs(), _ => tables())
            .AddNewsroomComments(_ => tables())
            .AddNewsroomInbox(_ => tables())
            .AddNewsroomTopics(_ => tables())
            .AddNewsroomMailbox(_ => tables());

    /// <summary>
    /// The grains take the unkeyed <see cref="TimeProvider"/>, and Orleans resolves that same registration
    /// for grain timers (area <c>TimeProviderNames.Grains</c>). Every other area of the runtime (messaging and
    /// its response timeouts, membership, system timers, activation collection, the directory cache) asks for
    /// a keyed clock that falls back to the unkeyed one, so a fake installed alone would drive those too:
    /// nothing would time out, and <see cref="FakeTimeProvider.Advance"/> would run their loops inline.
    /// Orleans' own helper pins every area but the grains' to the real clock, which is what its own tests do
    /// (test/Orleans.DefaultCluster.Tests/FakeTimeSilo.cs).
    /// </summary>
    private static void UseFakeClockForGrains(IServiceCollection services, FakeTimeProvider clock)
    {
        services.AddSingleton<TimeProvider>(clock);
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
    }
}

/// <summary>The moderators' word lists the test silo runs with (production has none until configured).</summary>
internal static class CommentTestWords
{
    public const string Banned = "swindlebot";
    public const string Suspect = "fraud";
}
