using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// A digest waiting when the server restarts is still sent: its notification is a stored row, and the mailbox's
/// reminder (Azure table reminders, a ten-second wake period here) wakes the mailbox after the restart with nothing
/// else touching it.
/// </summary>
public sealed class EmailDigestRestartTests
{
    [Fact]
    public async Task HourlyDigestWaitingAtARestart_IsSentAfterIt()
    {
        await using var newsroom = await NewsroomOnAzurite.StartWithMailAsync(new Dictionary<string, string?>(MailingNewsroom.Settings)
        {
            ["Newsroom__Email__HourlyDigest"] = "00:00:30",
            ["Newsroom__Email__WakePeriod"] = "00:00:10",
        });
        var mailing = new MailingTo(newsroom);
        using (var ada = await newsroom.Server.SignInAsync("ada", "ada-demo"))
        {
            await using var hub = ada.Connect();
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("SetEmailDelivery", "draft-assigned", "hourly");
            var headline = await mailing.AssignToAda();
            await Eventually.Until(
                () => ada.Http.GetStringAsync("/notifications/settings"),
                page => page.Contains("1 notification waits", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20),
                "ada's digest to wait");
            Assert.DoesNotContain(await newsroom.MailDev.MailsAsync(), m => m.Subject.Contains(headline, StringComparison.Ordinal));

            await newsroom.Server.StopAsync();
            await newsroom.Server.RestartAsync();

            var mail = await newsroom.MailDev.WaitForMailAsync(
                m => m.Subject.Contains(headline, StringComparison.Ordinal), TimeSpan.FromMinutes(3));
            Assert.Equal($"Assigned to you: {headline}", mail.Subject);
            Assert.Equal("ada@newsroom.localhost", Assert.Single(mail.To).Address);
        }
    }

    private sealed class MailingTo(NewsroomOnAzurite newsroom)
    {
        public async Task<string> AssignToAda()
        {
            using var eddie = await newsroom.Server.SignInAsync("eddie", "eddie-demo");
            var headline = $"Digest {Guid.NewGuid():n}"[..19];
            var draftId = await eddie.CreateDraftAsync(headline);
            await using var hub = eddie.Connect();
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("Assign", draftId, "ada");
            return headline;
        }
    }
}
