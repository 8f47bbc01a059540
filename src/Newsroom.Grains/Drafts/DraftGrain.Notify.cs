using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Core.Publishing;
using Newsroom.Grains.Notifications.Inbox;
using Newsroom.Grains.Notifications.Topics;

namespace Newsroom.Grains.Drafts;

public sealed partial class DraftGrain
{
    // Off the caller's path: Send is one-way, so the assignment or step is neither slowed nor failed by the inbox.
    private void NotifyAssigned(DraftAssignee? previous, DraftAssignee? assignee, DraftUser by)
    {
        if (assignee is null || string.Equals(previous?.UserName, assignee.UserName, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var at = _clock.GetUtcNow();
        Notify(assignee.UserName, () => new Notification(
            $"draft-assigned:{Id}:{assignee.UserName.ToLowerInvariant()}:{at.UtcTicks}",
            NotificationKind.DraftAssigned,
            Notification.Fit($"Assigned to you: {HeadlineForNotice()}", NotificationLimits.MaxTitleLength),
            Notification.Fit($"{by.DisplayName} assigned you this draft.", NotificationLimits.MaxExcerptLength),
            $"/drafts/{Id}",
            new NotificationActor(InboxKey.Staff(by.UserName), Notification.Fit(by.DisplayName, NotificationLimits.MaxActorNameLength)),
            at));
    }

    // The assignee and the draft's followers hear of every step, under one event id (the step's place in the
    // history), so an assignee who also follows the draft is told once.
    private void NotifyStep(DraftWorkflow workflow, DraftUser by)
    {
        if (workflow.History is not [.., var step])
        {
            return;
        }

        var published = step.Step is WorkflowStep.Publish;
        var headline = HeadlineForNotice();
        Notification Make() => new(
            $"draft-step:{Id}:{workflow.History.Count - 1}",
            published ? NotificationKind.DraftPublished : NotificationKind.DraftStatusChanged,
            Notification.Fit(published ? $"Published: {headline}" : $"{DraftStatusText(step.To)}: {headline}", NotificationLimits.MaxTitleLength),
            Notification.Fit(step.Note.Length > 0 ? $"{by.DisplayName}: {step.Note}" : $"{by.DisplayName} took the step.", NotificationLimits.MaxExcerptLength),
            $"/drafts/{Id}",
            new NotificationActor(InboxKey.Staff(by.UserName), Notification.Fit(by.DisplayName, NotificationLimits.MaxActorNameLength)),
            step.At);
        if (workflow.AssignedTo is { } assignee)
        {
            Notify(assignee.UserName, Make);
        }

        try
        {
            GrainFactory.GetGrain<ITopicGrain>(TopicKey.Draft(Id)).Publish(Make()).Ignore();
        }
        catch (Exception e) when (e is NotificationFormatException or ArgumentException)
        {
            LogNotifyFailed(_logger, e, Id, TopicKey.Draft(Id));
        }
    }

    private void Notify(string userName, Func<Notification> make)
    {
        try
        {
            GrainFactory.GetGrain<IInboxGrain>(InboxKey.Staff(userName)).Send(make()).Ignore();
        }
        catch (Exception e) when (e is NotificationFormatException or ArgumentException)
        {
            LogNotifyFailed(_logger, e, Id, userName);
        }
    }

    private string HeadlineForNotice()
    {
        var headline = Notification.Fit(_fields[(int)DraftField.Headline].Text.ToString(), 120);
        return headline.Length > 0 ? headline : "a draft without a headline";
    }

    private static string DraftStatusText(DraftStatus status) => status switch
    {
        DraftStatus.InReview => "In review",
        _ => status.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draft {DraftId}: the notification for {UserName} could not be made")]
    private static partial void LogNotifyFailed(ILogger logger, Exception exception, string draftId, string userName);
}
