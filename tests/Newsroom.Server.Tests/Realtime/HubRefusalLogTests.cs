using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>
/// A refused hub call is the caller's mistake: the caller gets the reason, and operators get one information line,
/// not an error with a stack trace.
/// </summary>
public sealed class HubRefusalLogTests
{
    [Fact]
    public async Task RefusedCalls_AreLoggedAsInformation_WithoutAStackTrace()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            // Errors and warnings show as they do in production; refusals only at information.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Newsroom.Server.Realtime.HubCallFilter"] = "Information",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        using var mona = await server.SignInAsync("mona", "mona-demo");
        var draftId = await rosa.CreateDraftAsync("Budget");
        await using var reporter = rosa.Connect();
        await using var moderator = mona.Connect();
        await reporter.StartAsync();
        await moderator.StartAsync();
        var before = server.Process.Output.Length;

        var slug = await Assert.ThrowsAsync<HubException>(() => reporter.InvokeAsync<object>("SetMetadata", draftId, new { slug = "Budget--2026" }));
        var id = await Assert.ThrowsAsync<HubException>(() => reporter.InvokeAsync<object>("OpenDraft", "not-a-draft"));
        var rights = await Assert.ThrowsAsync<HubException>(() => moderator.InvokeAsync<object>("SetMetadata", draftId, new { section = "World" }));

        Assert.Contains("lowercase letters and digits", slug.Message, StringComparison.Ordinal);
        Assert.Contains("is not a draft id", id.Message, StringComparison.Ordinal);
        Assert.EndsWith("You may read this draft but not edit it.", rights.Message, StringComparison.Ordinal);
        var log = await Eventually.Until(
            () => Task.FromResult(server.Process.Output[before..]),
            output => output.Contains("Refused SetMetadata for mona", StringComparison.Ordinal),
            TimeSpan.FromSeconds(10),
            "the refusals in the server's log");
        Assert.Contains("Refused SetMetadata for rosa: The slug", log, StringComparison.Ordinal);
        Assert.Contains("Refused OpenDraft for rosa: 'not-a-draft' is not a draft id", log, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }
}
