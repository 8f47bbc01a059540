using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Topics;

namespace Newsroom.Grains.Articles;

/// <summary>
/// Who hears of a publication, one-way once it is stored: a first publication goes to the followers of its section,
/// each tag and its byline's author under ONE event id (<c>new-story:{slug}</c>), so a person following several of
/// them is told once; an update or a correction goes to <see cref="TopicKey.Story"/>'s followers (commenters among
/// them), each version its own event. The publisher is the actor and is not told.
/// </summary>
public sealed partial class ArticleGrain
{
    private void NotifyPublished(ArticleVersion version, ArticlePublication publication)
    {
        try
        {
            var content = version.Content;
            var headline = Notification.Fit(content.Headline, 150);
            var actor = new NotificationActor(
                publication.PublishedByUserName is { } userName ? InboxKey.Staff(userName) : "newsroom",
                Notification.Fit(publication.PublishedBy, NotificationLimits.MaxActorNameLength));
            var link = $"/articles/{Slug}";
            if (version.Kind == ArticleChangeKind.First)
            {
                Notification New(NotificationKind kind, string where) =>
                    new($"new-story:{Slug}", kind, Notification.Fit($"New {where}: {headline}", NotificationLimits.MaxTitleLength),
                        Notification.Fit(content.Standfirst, 300), link, actor, version.PublishedAt);

                PublishTo(TopicFor(() => TopicKey.Section(content.Section)), New(NotificationKind.NewStoryInSection, $"in {content.Section.Trim()}"));
                foreach (var tag in content.Tags)
                {
                    PublishTo(TopicFor(() => TopicKey.Tag(tag)), New(NotificationKind.NewStoryOnTag, $"on {tag.Trim()}"));
                }

                PublishTo(TopicFor(() => TopicKey.Author(content.Byline)), New(NotificationKind.NewStoryByAuthor, $"by {content.Byline.Trim()}"));
                return;
            }

            var corrected = version.Kind == ArticleChangeKind.Correction;
            PublishTo(TopicKey.Story(Slug), new Notification(
                $"story-update:{Slug}:{version.Number}",
                corrected ? NotificationKind.StoryCorrected : NotificationKind.StoryUpdated,
                Notification.Fit($"{(corrected ? "Corrected" : "Updated")}: {headline}", NotificationLimits.MaxTitleLength),
                Notification.Fit(version.Note, 300),
                link,
                actor,
                version.PublishedAt));
        }
        catch (NotificationFormatException e)
        {
            _logger.LogWarning(e, "Story '{Slug}': the notifications of version {Number} could not be made", Slug, version.Number);
        }
    }

    // A section, tag or byline with no letters or digits names no topic: nobody can follow it, so nobody is told.
    private static string? TopicFor(Func<string> make)
    {
        try
        {
            return make();
        }
        catch (NotificationFormatException)
        {
            return null;
        }
    }

    private void PublishTo(string? topic, Notification notification)
    {
        if (topic is not null)
        {
            GrainFactory.GetGrain<ITopicGrain>(topic).Publish(notification).Ignore();
        }
    }
}
