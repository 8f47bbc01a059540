using Newsroom.Core.Accounts;
using Newsroom.Core.Notifications;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Tests.Cluster;
using Newsroom.Testing;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>Fresh people and stories published through a draft, for the producers' tests; every name is new, so every inbox starts empty.</summary>
internal static class NotifiedStories
{
    public static readonly DraftUser Editor = new("eddie", "Eddie Editor", [NewsroomRoles.Editor]);

    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public static string NewUserName(string prefix) => prefix + Guid.NewGuid().ToString("n")[..10];

    public static DraftUser NewReporter() => new(NewUserName("w"), "Wanda Writer", [NewsroomRoles.Reporter]);

    public static IInboxGrain Inbox(this GrainCluster cluster, string key) => cluster.Client.GetGrain<IInboxGrain>(key);

    public static IInboxGrain StaffInbox(this GrainCluster cluster, string userName) => cluster.Inbox(InboxKey.Staff(userName));

    /// <summary>A draft by <paramref name="writer"/>, with this section, tags and byline, taken to approved (not yet published).</summary>
    public static async Task<(string Id, IDraftGrain Draft, string Slug)> ApprovedDraft(
        this GrainCluster cluster, DraftUser writer, string section = "World", string[]? tags = null, string byline = "")
    {
        var (id, draft) = await cluster.CreateDraft("Kazakhstan votes", writer);
        var slug = $"story-{id}";
        await draft.Push(DraftField.Body, 0, [Append(writer.UserName, 0, "Polls close at 8pm in Astana.")], writer);
        await draft.SetMetadata(new DraftMetadataChange(Section: section, Tags: tags ?? ["kazakhstan"], Slug: slug, Byline: byline.Length > 0 ? byline : null), writer);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Submit, null), writer);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Approve, null), Editor);
        return (id, draft, slug);
    }

    /// <summary>A story by <paramref name="writer"/>, published by the editor; guests' comments are not held.</summary>
    public static async Task<(string DraftId, string Slug)> PublishedStory(this GrainCluster cluster, DraftUser writer)
    {
        var (id, draft, slug) = await cluster.ApprovedDraft(writer);
        await draft.TakeStep(new WorkflowRequest(WorkflowStep.Publish, null), Editor);
        return (id, slug);
    }

    /// <summary>Waits until the inbox holds at least <paramref name="count"/> notifications; returns them newest first.</summary>
    public static async Task<IReadOnlyList<Notification>> Holding(this IInboxGrain inbox, int count, string what)
    {
        var page = await Eventually.Until(() => inbox.Page(null, 50), p => p.Entries.Count >= count, Wait, what);
        return [.. page.Entries.Select(e => e.Notification)];
    }

    public static async Task<IReadOnlyList<Notification>> All(this IInboxGrain inbox) =>
        [.. (await inbox.Page(null, 50)).Entries.Select(e => e.Notification)];
}
