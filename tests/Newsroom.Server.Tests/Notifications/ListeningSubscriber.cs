using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// A staff member with a tab open: signed in, joined to their own <c>user:{name}</c> channel, keeping every event that
/// arrives. <see cref="AssertToldAsync"/> checks a notification on all three paths: the live event, the inbox, the email.
/// </summary>
public sealed class ListeningSubscriber : IAsyncDisposable
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(30);

    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly MailDev _mailDev;

    private ListeningSubscriber(string userName, StaffSession session, MailDev mailDev)
    {
        (UserName, Session, _mailDev) = (userName, session, mailDev);
        Hub = session.Connect();
        Hub.OnEvents(e => _events.Writer.TryWrite(e));
    }

    public string UserName { get; }

    public StaffSession Session { get; }

    /// <summary>Their staff hub connection (the one on their <c>user:</c> channel).</summary>
    public HubConnection Hub { get; }

    public static async Task<ListeningSubscriber> OpenAsync(SubscribersNewsroom newsroom, string userName)
    {
        var (name, password) = SubscribersNewsroom.Account(userName);
        var subscriber = new ListeningSubscriber(name, await newsroom.Server.SignInAsync(name, password), newsroom.MailDev);
        await subscriber.Hub.StartAsync();
        await subscriber.Hub.InvokeAsync("Join", $"user:{name}");
        return subscriber;
    }

    public Task FollowAsync(string topic) => Hub.InvokeAsync("Follow", topic);

    /// <summary>Comments as themselves on the story (staff comments through the reader hub appear at once); returns its id.</summary>
    public async Task<long> CommentAsync(string slug, string text)
    {
        await using var reader = Session.Connect("/hubs/reader");
        await reader.StartAsync();
        var posted = await reader.InvokeAsync<JsonElement>("PostComment", slug, new { text });
        return posted.GetProperty("comment").GetProperty("id").GetInt64();
    }

    /// <summary>
    /// Asserts the notification of this kind, title and link arrived live on their channel, is in their inbox, and came
    /// as an email to their address with the title as its subject and the absolute link in its text.
    /// </summary>
    public async Task AssertToldAsync(string kind, string title, string link)
    {
        await AssertToldLiveAndInInboxAsync(kind, title, link);
        await AssertMailedAsync(title, link);
    }

    /// <summary>The live event on their channel, then the same entry in their inbox.</summary>
    public async Task AssertToldLiveAndInInboxAsync(string kind, string title, string link)
    {
        var live = await NextNew(n => Of(n, "kind") == kind && Of(n, "link") == link);
        Assert.Equal(title, Of(live.GetProperty("entry").GetProperty("notification"), "title"));
        var id = live.GetProperty("entry").GetProperty("id").GetString();

        var inbox = await Hub.InvokeAsync<JsonElement>("Inbox", null, 10);
        var listed = Assert.Single(inbox.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetString() == id);
        Assert.Equal(kind, Of(listed.GetProperty("notification"), "kind"));
    }

    /// <summary>The email of that one notification: to their address, the title as its subject, the absolute link in its text.</summary>
    public async Task AssertMailedAsync(string title, string link)
    {
        var mail = await _mailDev.WaitForMailAsync(
            m => m.To.Any(a => a.Address == $"{UserName}@newsroom.localhost") && m.Subject == title, _patience);
        Assert.Contains(MailingNewsroom.Site + link.TrimStart('/'), mail.Text, StringComparison.Ordinal);
    }

    /// <summary>Asserts nothing in their inbox matches: call it after a later event reached them, never after a sleep.</summary>
    public async Task AssertNotInInboxAsync(Func<JsonElement, bool> notification, string what)
    {
        var inbox = await Hub.InvokeAsync<JsonElement>("Inbox", null, 50);
        Assert.False(
            inbox.GetProperty("entries").EnumerateArray().Any(e => notification(e.GetProperty("notification"))),
            $"{UserName} was told of {what}: {inbox}");
    }

    public static string? Of(JsonElement notification, string property) => notification.GetProperty(property).GetString();

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        Session.Dispose();
    }

    private async Task<JsonElement> NextNew(Func<JsonElement, bool> match)
    {
        using var cancel = new CancellationTokenSource(_patience);
        try
        {
            while (true)
            {
                var e = (await _events.Reader.ReadAsync(cancel.Token)).GetProperty("event");
                if (e.GetProperty("type").GetString() == "notification.new" && match(e.GetProperty("entry").GetProperty("notification")))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No notification.new of that kind and link reached {UserName}'s channel in {_patience.TotalSeconds} s.");
        }
    }
}
