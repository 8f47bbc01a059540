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
            throw new HubException("Say what to be notified of: { email, followUps, replies, updates }.");
        }

        if (!form.FollowUps && !form.Replies && !form.Updates)
        {
            throw new HubException("Choose what to be notified of: new follow-up comments, new replies to your comments, or updates to this story.");
        }

        var headline = await PublishedHeadline(slug);
        if (context.User?.Identity?.IsAuthenticated == true)
        {
            await ReaderFollows.Follow(grains.OwnInbox(context), slug, form.FollowUps, form.Replies, form.Updates);
            return new ReaderSubscribed(true, $"You are following “{headline}”. Your inbox has what comes.");
        }

        var guestId = guests.Require(context.GetHttpContext());
        var email = CommentText.CheckGuestEmail(form.Email);
        if (!email.Accepted)
        {
            throw new HubException(email.Refusal);
        }

        var request = tokens.NewRequest(email.Text, guestId, slug, form.FollowUps, form.Replies, form.Updates);
        var link = new Uri(site.Value.Site, $"{ConfirmPath.TrimStart('/')}?token={Uri.EscapeDataString(tokens.Protect(request))}");
        try
        {
            await mail.SendAsync(ConfirmationMail.For(request, headline, link, options.LifetimeText), context.ConnectionAborted);
        }
        catch (EmailDeliveryException)
        {
            throw new HubException("The confirmation email could not be sent just now; nothing was subscribed. Try again in a few minutes.");
        }

        return new ReaderSubscribed(false, $"Almost done: we sent a link to {email.Text}. Follow it within {options.LifetimeText} to confirm; nothing is sent to you before.");
    }

    private async Task<string> PublishedHeadline(string slug) =>
        await grains.GetGrain<IArticleGrain>(slug).Get() is { IsWithdrawn: false } article
            ? article.Current.Content.Headline
            : throw new CommentException($"There is no published story '{slug}' to subscribe to.");
}
