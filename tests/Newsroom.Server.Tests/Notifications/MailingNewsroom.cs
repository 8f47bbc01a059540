using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// A newsroom of its own that emails through its own maildev, with a one-second grace period (so an "immediately"
/// email comes at once) and unsubscribe links that expire after <see cref="LinkLifetime"/>.
/// </summary>
public sealed class MailingNewsroom : IAsyncLifetime
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromSeconds(10);

    public const string Site = "https://news.example.org/";

    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public MailDev MailDev => _newsroom?.MailDev ?? throw new InvalidOperationException("Not started.");

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Newsroom__Email__SiteAddress"] = Site,
        ["Newsroom__Email__GracePeriod"] = "00:00:01",
        ["Newsroom__Email__UnsubscribeLinkLifetime"] = $"{LinkLifetime}",
    };

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartWithMailAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }

    /// <summary>Assigns a new draft to <paramref name="assignee"/> (as ada, or eddie when ada is the assignee) and returns its headline.</summary>
    public async Task<string> AssignNewDraft(string assignee)
    {
        var (userName, password) = assignee == "ada" ? ("eddie", "eddie-demo") : ("ada", "ada-demo");
        using var assigner = await Server.SignInAsync(userName, password);
        var headline = $"Story {Guid.NewGuid():n}"[..18];
        var draftId = await assigner.CreateDraftAsync(headline);
        await using var hub = assigner.Connect();
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("Assign", draftId, assignee);
        return headline;
    }

    /// <summary>The email that tells <paramref name="userName"/> of the draft with this headline.</summary>
    public Task<ReceivedMail> MailAbout(string userName, string headline) =>
        MailDev.WaitForMailAsync(
            m => m.To.Any(a => a.Address == $"{userName}@newsroom.localhost") && m.Subject.Contains(headline, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));

    /// <summary>The site-relative unsubscribe address (path and query) from the mail's List-Unsubscribe header.</summary>
    public static string UnsubscribePath(ReceivedMail mail)
    {
        var header = mail.Header("List-Unsubscribe") ?? throw new InvalidOperationException($"{mail} has no List-Unsubscribe header.");
        var address = new Uri(header.Replace(" ", "", StringComparison.Ordinal).Trim('<', '>'));
        return address.PathAndQuery;
    }
}
