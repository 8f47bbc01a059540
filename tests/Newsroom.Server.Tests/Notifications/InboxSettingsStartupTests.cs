using Newsroom.Server.Tests.Configuration;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>When inbox packs are settled: a setting that cannot work stops the server at start, naming it.</summary>
public sealed class InboxSettingsStartupTests
{
    [Theory]
    [InlineData("Newsroom__Inbox__SettleAfter", "00:00:00.5", "Newsroom:Inbox:SettleAfter (00:00:00.5000000) must be from 00:00:01 to 01:00:00")]
    [InlineData("Newsroom__Inbox__SweepEvery", "00:00:30", "Newsroom:Inbox:SweepEvery (00:00:30) must be from SettleAfter (00:01:00) to 1.00:00:00")]
    [InlineData("Newsroom__Inbox__SettleAfter", "a minute", "Newsroom:Inbox is invalid")]
    public async Task InboxSettingThatCannotWork_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await StartupConfigurationTests.FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
