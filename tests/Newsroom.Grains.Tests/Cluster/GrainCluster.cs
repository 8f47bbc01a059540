using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Orleans.TestingHost;

namespace Newsroom.Grains.Tests.Cluster;

/// <summary>
/// One in-process Orleans silo and its client for every grain test, on the shared Azurite, started once per
/// run. Tests never see each other's data because each makes drafts and desks of its own
/// (<see cref="NewDraftId"/>); they run one after another (<see cref="GrainClusterCollection"/>) because they
/// share one fake clock, so one test moving time never expires another's presence halfway.
/// </summary>
public sealed class GrainCluster(SharedAzurite storage) : IAsyncLifetime
{
    /// <summary>Staff as the hub passes them to grains.</summary>
    public static readonly DraftUser Rosa = new("rosa", "Rosa Reporter");

    public static readonly DraftUser Eddie = new("eddie", "Eddie Editor");

    private InProcessTestCluster? _cluster;

    /// <summary>What the grains read as now, and what their timers run on; only tests move it.</summary>
    /// <summary>The Azurite the silo stores in, for tests that look at (or tamper with) what is stored.</summary>
    public SharedAzurite Storage => storage;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public DraftLogProbe Logs { get; } = new();

    /// <summary>Between comment threads and their table rows: makes a thread's next write fail.</summary>
    public CommentStoreProbe Comments { get; } = new();

    /// <summary>Between the moderation queue and its table rows: makes the queue's next save fail.</summary>
    public ModerationQueueProbe ModerationQueue { get; } = new();

    /// <summary>Between inboxes and their table rows: makes an inbox's next deliveries fail.</summary>
    public InboxStoreProbe Inboxes { get; } = new();

    /// <summary>The silo's mail server: every email the mailboxes sent, and failures on demand.</summary>
    public RecordingEmailSender Emails { get; } = new();

    public IClusterClient Client => _cluster?.Client ?? throw new InvalidOperationException("Not started.");

    /// <summary>A fresh draft id of the shape the server makes (12 hexadecimal digits).</summary>
    public static string NewDraftId() => Guid.NewGuid().ToString("n")[..12];

    public static string NewDeskName(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 13)];

    public IDraftGrain Draft(string id) => Client.GetGrain<IDraftGrain>(id);

    public IDeskGrain Desk(string name = IDeskGrain.Newsroom) => Client.GetGrain<IDeskGrain>(name);

    /// <summary>Creates a draft with a fresh id, as <c>POST /api/drafts</c> does.</summary>
    public async Task<(string Id, IDraftGrain Grain)> CreateDraft(string headline = "", DraftUser? creator = null)
    {
        var id = NewDraftId();
        var grain = Draft(id);
        await grain.Create(creator ?? Rosa, headline);
        return (id, grain);
    }

    /// <summary>A service of the silo's own (its reminder table, say), to look at what the grains left there.</summary>
    public T SiloService<T>()
        where T : notnull =>
        (_cluster ?? throw new InvalidOperationException("Not started.")).Silos[0].ServiceProvider.GetRequiredService<T>();

    /// <summary>Subscribes a recording relay to the channel's grain, as a silo with a listener would.</summary>
    public Task<RecordingRelay> Listen(ChannelName channel) => RecordingRelay.ListenAsync(Client, channel);

    /// <summary>
    /// Deactivates the grain and waits until it is gone, so the next call activates it afresh from storage:
    /// what a restart or a move to another silo does to it.
    /// </summary>
    public async Task Deactivate(IAddressable grain)
    {
        var cluster = _cluster ?? throw new InvalidOperationException("Not started.");
        await cluster.DeactivateAsync(grain);
    }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => NewsroomSilo.Configure(silo, storage.Azurite.ConnectionString, Clock, Logs, Comments, ModerationQueue, Inboxes, Emails));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>The grain tests: one cluster, one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class GrainClusterCollection : ICollectionFixture<GrainCluster>
{
    public const string Name = "Grain cluster";
}
