using Newsroom.Core.Notifications;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Tests.Cluster;
using static Newsroom.Grains.Tests.Drafts.DraftEdits;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>@mentions in a draft's text tell the staff named, once the text has settled, once per draft, never the writer.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class MentionNotificationTests(GrainCluster cluster)
{
    [Fact]
    public async Task StaffMentionedInTheText_AreToldOnce_ButNotTheWriter_NorANameNobodyHas()
    {
        var writer = NotifiedStories.NewReporter();
        var (id, draft) = await cluster.CreateDraft("Council budget", writer);
        var ann = NotifiedStories.NewUserName("ann");
        var nobody = NotifiedStories.NewUserName("nobody");
        var text = $"Ask @{ann} and @{nobody} about the vote; @{writer.UserName} has the figures.";

        await draft.Push(DraftField.Body, 0, [Append(writer.UserName, 0, text)], writer);
        cluster.Clock.Advance(DraftGrain.MentionSettle);

        var told = Assert.Single(await cluster.StaffInbox(ann).Holding(1, "the mention"));
        Assert.Equal((NotificationKind.Mentioned, $"mention:{id}:{ann}", $"/drafts/{id}"), (told.Kind, told.EventId, told.Link));
        Assert.Equal("Wanda Writer mentioned you in “Council budget”", told.Title);
        Assert.Contains($"Ask @{ann} and", told.Excerpt, StringComparison.Ordinal);
        Assert.Equal(InboxKey.Staff(writer.UserName), told.Actor.Id);

        // Mentioned again in the same draft: still one notification.
        await draft.Push(DraftField.Body, 1, [Append(writer.UserName, text.Length, $" Thanks @{ann}.")], writer);
        cluster.Clock.Advance(DraftGrain.MentionSettle);
        var bea = NotifiedStories.NewUserName("bea");
        await draft.Push(DraftField.Body, 2, [Append(writer.UserName, text.Length + $" Thanks @{ann}.".Length, $" And @{bea}.")], writer);
        cluster.Clock.Advance(DraftGrain.MentionSettle);
        await cluster.StaffInbox(bea).Holding(1, "the later mention, after the repeated one");

        Assert.Single(await cluster.StaffInbox(ann).All());
        Assert.Empty(await cluster.StaffInbox(writer.UserName).All());
        Assert.Empty(await cluster.StaffInbox(nobody).All());
    }

    [Fact]
    public async Task ANameStillBeingTyped_TellsNobody_OnlyTheNameAsItSettles()
    {
        var writer = NotifiedStories.NewReporter();
        var (_, draft) = await cluster.CreateDraft("Results night", writer);
        var eddie = NotifiedStories.NewUserName("ed");
        var partial = eddie[..4];

        await draft.Push(DraftField.Body, 0, [Append(writer.UserName, 0, $"Over to @{partial}")], writer);
        await draft.Push(DraftField.Body, 1, [Append(writer.UserName, $"Over to @{partial}".Length, eddie[4..])], writer);
        cluster.Clock.Advance(DraftGrain.MentionSettle);

        await cluster.StaffInbox(eddie).Holding(1, "the settled name");
        Assert.Empty(await cluster.StaffInbox(partial).All());
    }
}
