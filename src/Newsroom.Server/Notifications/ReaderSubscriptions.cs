using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Newsroom.Core.Comments;
using Newsroom.Grains.Articles;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Notifications.Email;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Notifications;

/// <summary>
/// Subscribing from the comment widget. A guest gets a confirmation email (double opt-in) and follows nothing until
/// its link is confirmed (<see cref="ReaderConfirmation"/>); signed-in staff follow at once. Every refusal says why and
/// stores nothing.
/// </summary>
public sealed class ReaderSubscriptions(
    IGrainFactory grains,
    GuestIdentity guests,
    ReaderSubscriptionTokens tokens,
    ReaderSubscriptionOptions options,
    IOptions<EmailDeliveryOptions> site,
    IEmailSender mail)
{
    public const string ConfirmPath = "/notifications/confirm";

    public async Task<ReaderSubscribed> Subscribe(HubCallerContext context, string slug, ReaderSubscribeForm? form)
    {
        if (form is null)
        {
            throw new HubException("Say what to be notified of: { email, followUps, replies, updates, section, author, tags, comment }.");
        }

        if (form.ChoosesNothing)
        {
            throw new HubException("Choose what to be notified of: new follow-up comments, new replies to your comments or to a comment, updates to this story, or new stories like it.");
        }

        var story = await Published(slug);
        var choices = Checked(form, StoryFollowOffer.Of(story)) with
        {
            Comment = form.Comment,
            CommentAuthor = form.Comment is { } comment ? await grains.GetGrain<ICommentThreadGrain>(slug).AuthorOfFollowable(comment) : null,
        };
        if (context.User?.Identity?.IsAuthenticated == true)
        {
            await ReaderFollows.Follow(grains.OwnInbox(context), slug, choices);
            return new ReaderSubscribed(true, $"You are following “{story.Headline}”. Your inbox has what comes.");
        }

        var guestId = guests.Require(context.GetHttpContext());
        var email = CommentText.CheckGuestEmail(form.Email);
        if (!email.Accepted)
        {
            throw new HubException(email.Refusal);
        }

        var request = tokens.NewRequest(email.Text, guestId, slug, choices);
        var link = new Uri(site.Value.Site, $"{ConfirmPath.TrimStart('/')}?token={Uri.EscapeDataString(tokens.Protect(request))}");
        try
        {
            await mail.SendAsync(ConfirmationMail.For(request, story.Headline, link, options.LifetimeText), context.ConnectionAborted);
        }
        catch (EmailDeliveryException)
        {
            throw new HubException("The confirmation email could not be sent just now; nothing was subscribed. Try again in a few minutes.");
        }

        return new ReaderSubscribed(false, $"Almost done: we sent a link to {email.Text}. Follow it within {options.LifetimeText} to confirm; nothing is sent to you before.");
    }

    /// <summary>
    /// The form's choices as the story's own section, author and tag names: the client names tags (the widget shows
    /// them) but never a topic, and a tag the story does not have, or a section or author it cannot offer, is refused.
    /// </summary>
    private static ReaderChoices Checked(ReaderSubscribeForm form, StoryFollowOffer offer)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(offer);
        // No count to check first: every tag must be one of the story's (at most DraftLimits.MaxTags), repeats are
        // one, and the hub's message size bounds how many can be sent.
        var sent = form.Tags ?? [];
        var tags = new List<string>();
        foreach (var tag in sent)
        {
            tags.Add(offer.TagNamed(tag) ?? throw new HubException(offer.Tags.Count == 0
                ? $"'{Short(tag)}' is not a tag of this story, which has no tags to follow."
                : $"'{Short(tag)}' is not a tag of this story; its tags are {string.Join(", ", offer.Tags)}."));
        }

        if (form.Section && offer.Section is null)
        {
            throw new HubException("This story's section cannot be followed.");
        }

        if (form.Author && offer.Author is null)
        {
            throw new HubException("This story's author cannot be followed.");
        }

        return new ReaderChoices(
            form.FollowUps, form.Replies, form.Updates, form.Section ? offer.Section : null, form.Author ? offer.Author : null, [.. tags.Distinct(StringComparer.Ordinal)]);
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    private async Task<ArticleContent> Published(string slug) =>
        await grains.GetGrain<IArticleGrain>(slug).Get() is { IsWithdrawn: false } article
            ? article.Current.Content
            : throw new CommentException($"There is no published story '{slug}' to subscribe to.");
}
