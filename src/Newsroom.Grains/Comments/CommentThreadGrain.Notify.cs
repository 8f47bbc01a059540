using Microsoft.Extensions.Logging;
using Newsroom.Core.Comments;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Drafts;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Notifications.Topics;

namespace Newsroom.Grains.Comments;

/// <summary>
/// Who hears of a comment once readers can see it (posted unheld, or approved from the queue): followers of the
/// story's comments (<see cref="TopicKey.FollowUps"/>), the person answered (straight to their inbox), followers of the
/// comment answered (<see cref="TopicKey.Replies"/>), and the story's writers (through its draft, which knows them).
/// Every one of these carries the event id <c>comment:{slug}:{id}</c>, so a person reached several ways is told once,
/// and the commenter is the actor, so they are never told of their own comment. All of it is one-way: a comment is
/// answered as fast under a story with thousands of followers as under one with none.
/// </summary>
public sealed partial class CommentThreadGrain
{
    private StoryFacts? _story;

    /// <summary>Starts the notifications of a comment that just became visible; never throws, never waits on a follower.</summary>
    private void NotifyVisible(Comment comment)
    {
        try
        {
            var (actor, excerpt) = (CommenterActor(comment), Notification.Fit(comment.MentionPrefix + comment.Text, 300));
            var link = $"/articles/{Slug}#comment-{comment.Id}";
            var eventId = $"comment:{Slug}:{comment.Id}";
            // When readers could first see it: for an approved comment, the approval.
            var now = _clock.GetUtcNow();
            Notification Note(NotificationKind kind, string title) =>
                new(eventId, kind, Notification.Fit(title, NotificationLimits.MaxTitleLength), excerpt, link, actor, now);

            var answered = comment.RepliedToId ?? comment.ParentId;
            if (answered is { } parentId && _thread.Find(parentId) is { } parent)
            {
                if (AuthorInbox(parent) is { } parentInbox)
                {
                    Inbox(parentInbox).Send(Note(NotificationKind.ReplyToMyComment, $"{actor.DisplayName} replied to your comment")).Ignore();
                }

                Topic(TopicKey.Replies(Slug, parentId)).Publish(Note(NotificationKind.ReplyToFollowedComment, $"{actor.DisplayName} replied to a comment you follow")).Ignore();
            }

            if (_story is { } story)
            {
                PublishStoryNotes(story, Note);
            }
            else
            {
                LearnStoryThenNotify(Note).Ignore();
            }
        }
        catch (Exception e) when (e is NotificationFormatException or ArgumentException)
        {
            _logger.LogWarning(e, "Comments on '{Slug}': the notifications of comment {Id} could not be made", Slug, comment.Id);
        }
    }

    /// <summary>A commenter hears of updates to the story they commented on, if their inbox takes it (a guest must have confirmed).</summary>
    private void FollowAsCommenter(Comment comment)
    {
        try
        {
            if (AuthorInbox(comment) is { } inbox)
            {
                Inbox(inbox).FollowAsCommenter(TopicKey.Story(Slug)).Ignore();
            }
        }
        catch (NotificationFormatException e)
        {
            _logger.LogWarning(e, "Comments on '{Slug}': the author of comment {Id} has no inbox to follow the story with", Slug, comment.Id);
        }
    }

    private void PublishStoryNotes(StoryFacts story, Func<NotificationKind, string, Notification> note)
    {
        Topic(TopicKey.FollowUps(Slug)).Publish(note(NotificationKind.FollowUpComment, $"New comment on “{story.Headline}”")).Ignore();
        GrainFactory.GetGrain<IDraftGrain>(story.DraftId).TellWriters(note(NotificationKind.CommentOnMyStory, $"New comment on your story “{story.Headline}”")).Ignore();
    }

    // Off the caller's turn: the story is asked once per activation, and only when a comment was approved before any post.
    private async Task LearnStoryThenNotify(Func<NotificationKind, string, Notification> note)
    {
        if (await Article.Get() is { } article)
        {
            LearnStory(article);
            PublishStoryNotes(_story!, note);
        }
    }

    private void LearnStory(ArticleView article) =>
        _story = new StoryFacts(Notification.Fit(article.Current.Content.Headline, 120), article.Current.DraftId);

    private NotificationActor CommenterActor(Comment comment) =>
        new(AuthorInbox(comment) ?? throw new ArgumentException($"Comment {comment.Id} has no inbox to act from."),
            Notification.Fit(comment.Author.DisplayName, NotificationLimits.MaxActorNameLength));

    /// <summary>The author's inbox: <c>staff:{userName}</c>, or <c>guest:{emailHash}</c> for a guest who gave an email.</summary>
    private string? AuthorInbox(Comment comment) =>
        comment.Author.IsStaff ? InboxKey.Staff(comment.Author.Id)
        : _emailHashes.GetValueOrDefault(comment.Id) is { } hash ? InboxKey.Guest(hash)
        : null;

    private IInboxGrain Inbox(string key) => GrainFactory.GetGrain<IInboxGrain>(key);

    private ITopicGrain Topic(string key) => GrainFactory.GetGrain<ITopicGrain>(key);

    /// <summary>What a notification says of the story: its headline, and the draft that knows its writers.</summary>
    private sealed record StoryFacts(string Headline, string DraftId);
}
