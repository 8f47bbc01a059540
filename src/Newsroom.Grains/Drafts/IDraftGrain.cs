using Newsroom.Core.Notifications;
using Newsroom.Grains.Realtime;
using Orleans.Concurrency;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// One draft (key: its 12-hex-digit id) and the one authority for the order of its updates; live on channel
/// <c>draft:{id}</c>. Refusals throw <see cref="DraftException"/> with a message for the caller.
/// </summary>
[Alias("newsroom.draft")]
public interface IDraftGrain : IChannelOwner
{
    /// <summary>Creates the draft with an optional first headline; throws if the id is taken.</summary>
    [Alias("create")]
    Task Create(DraftUser creator, string headline);

    /// <summary>Whether the draft was created; the editor page answers 404 for one that was not.</summary>
    [Alias("exists")]
    Task<bool> Exists();

    /// <summary>The durable view; also shows <paramref name="connectionId"/> as present (presence is ephemeral).</summary>
    [Alias("open")]
    Task<DraftView> Open(string connectionId, DraftUser user);

    /// <summary>The same view, for someone who only follows the draft: they are not listed as present.</summary>
    [Alias("watch")]
    Task<DraftView> Watch();

    /// <summary>
    /// Sequences one client's updates made against <paramref name="baseVersion"/> (rebased if late; updates
    /// already accepted are dropped by client id, in order) and completes once they are durable. The list is not
    /// copied on a call within one silo (<c>[Immutable]</c>): the hub makes it for this call alone and the grain only
    /// reads it.
    /// </summary>
    [Alias("push")]
    Task<PushResult> Push(DraftField field, int baseVersion, [Immutable] IReadOnlyList<DraftUpdate> updates, DraftUser user);

    [Alias("pull")]
    Task<PulledUpdates> Pull(DraftField field, int fromVersion);

    /// <summary>Sets the given properties (last writer wins) and returns the whole metadata once durable.</summary>
    [Alias("set-metadata")]
    Task<DraftMetadata> SetMetadata(DraftMetadataChange change, DraftUser user);

    /// <summary>Moves the connection's cursor; doubles as the heartbeat that keeps its presence alive.</summary>
    [Alias("update-presence")]
    Task UpdatePresence(string connectionId, DraftUser user, DraftCursor cursor);

    [Alias("leave")]
    Task Leave(string connectionId);

    [Alias("get-workflow")]
    Task<DraftWorkflow> GetWorkflow();

    /// <summary>
    /// Takes a step of the editorial workflow if the status and the caller's roles allow it (publishing and updating
    /// store the story's next version first); the refusal names what is allowed instead.
    /// </summary>
    [Alias("take-step")]
    Task<DraftWorkflow> TakeStep(WorkflowRequest request, DraftUser user);

    /// <summary>Assigns the draft to a staff member, or to nobody.</summary>
    [Alias("assign")]
    Task<DraftWorkflow> Assign(DraftAssignee? assignee, DraftUser user);

    /// <summary>
    /// One-way: delivers the notification to the story's writers, the staff member who created the draft and the one
    /// it is assigned to (the byline is a display text, not an account). A draft that does not exist tells no one.
    /// </summary>
    [OneWay, Alias("tell-writers")]
    Task TellWriters(Notification notification);
}
