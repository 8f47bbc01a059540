using Newsroom.Server.Tests.Configuration;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// Email settings that cannot work stop the server at start, with one line naming the setting, before anything
/// is stored or sent. (Settings that can work start it whether or not the mail server is up: every other server test
/// runs with no mail server listening.)
/// </summary>
public sealed class EmailSettingsStartupTests
{
    [Theory]
    [InlineData("Newsroom__Email__Host", "", "Newsroom:Email:Host is not set")]
    [InlineData("Newsroom__Email__Host", "mail server", "Newsroom:Email:Host ('mail server') is not a host name or an IP address")]
    [InlineData("Newsroom__Email__Port", "0", "Newsroom:Email:Port (0) must be from 1 to 65535")]
    [InlineData("Newsroom__Email__Port", "smtp", "Newsroom:Email is invalid")]
    [InlineData("Newsroom__Email__SenderAddress", "Newsroom <news@example.org>", "Newsroom:Email:SenderAddress ('Newsroom <news@example.org>') is not an email address")]
    [InlineData("Newsroom__Email__Timeout", "00:00:00", "Newsroom:Email:Timeout (00:00:00) must be from 1 second to 5 minutes")]
    [InlineData("Newsroom__Email__UserName", "newsroom", "Newsroom:Email:UserName and Newsroom:Email:Password go together")]
    [InlineData("Newsroom__Email__SiteAddress", "news.example.org", "Newsroom:Email:SiteAddress ('news.example.org') must be the site's absolute http(s) address")]
    [InlineData("Newsroom__Email__GracePeriod", "-00:01:00", "Newsroom:Email:GracePeriod (-00:01:00) must be from 00:00:00 to 01:00:00")]
    [InlineData("Newsroom__Email__WakePeriod", "00:00:05", "Newsroom:Email:WakePeriod (00:00:05) must be from 00:00:10 to 01:00:00")]
    [InlineData("Newsroom__Email__RetryMax", "00:00:30", "Newsroom:Email:RetryMax (00:00:30) must be from 00:01:00 to 1.00:00:00")]
    public async Task EmailSettingThatCannotWork_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await StartupConfigurationTests.FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasswordWithoutTlsToAnotherMachine_StopsStartup_SayingItWouldCrossTheNetworkInClear()
    {
        var error = await StartupConfigurationTests.FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Email__Host"] = "smtp.example.org",
            ["Newsroom__Email__Port"] = "587",
            ["Newsroom__Email__UserName"] = "newsroom",
            ["Newsroom__Email__Password"] = "secret",
        });

        Assert.Contains("Newsroom:Email:UseTls is false, so the password would cross the network to smtp.example.org in clear", error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error, StringComparison.Ordinal);
    }
}
