using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Server.Tests.Comments;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>A server whose confirmation links work for one second, for the expired link's page.</summary>
public sealed class ExpiredConfirmLinkTests : IAsyncLifetime
{
    private NewsroomOnAzurite? _newsroom;

    private NewsroomOnAzurite Newsroom => _newsroom ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartWithMailAsync(new Dictionary<string, string?>
    {
        ["Newsroom__Notifications__Readers__ConfirmationLifetime"] = "00:00:01",
    });

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }

    [Fact]
    public async Task AnExpiredLink_GetsAClearPage_AndConfirmsNothing()
    {
        await using var desk = await PublishingDesk.OpenAsync(Newsroom.Server);
        var (_, slug) = await desk.PublishAsync("The count went on through the night.");
        await using var guest = await CommentReader.ConnectAsync(Newsroom.Server);
        await guest.Hub.InvokeAsync<JsonElement>("Subscribe", slug, new { email = "gil@example.org", followUps = true, replies = false, updates = false });
        var (mail, link) = await ReaderSubscriptionMail.WaitAsync(Newsroom.MailDev, "gil@example.org");

        var (getStatus, getHtml) = await Eventually.Until(
            () => ConfirmPage.GetAsync(Newsroom.Server, link), page => page.Status != HttpStatusCode.OK, TimeSpan.FromSeconds(15), "the link to expire");
        var (postStatus, postHtml) = await ConfirmPage.PostAsync(Newsroom.Server, ConfirmPage.TokenOf(link));

        Assert.Contains("The link works for 1 second.", mail.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, getStatus);
        Assert.Contains("This link has expired", getHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, postStatus);
        Assert.Contains("This link has expired", postHtml, StringComparison.Ordinal);
        Assert.Null(await guest.Hub.InvokeAsync<string?>("InboxChannel"));
    }
}
