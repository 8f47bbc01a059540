using Newsroom.Testing;

namespace Newsroom.Server.Tests.Configuration;

public sealed class StartupConfigurationTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task MissingStorageConnectionString_StopsStartup_WithOneLineNamingTheSetting()
    {
        // Production has no connection string in appsettings.json, and nothing in the environment gives one.
        var error = await FailedStart(new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__AzureStorage"] = null });

        Assert.Contains("ConnectionStrings:AzureStorage is not set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyStorageConnectionString_StopsStartup_WithOneLineNamingTheSetting()
    {
        var error = await FailedStart(new() { ["ConnectionStrings__AzureStorage"] = "" });

        Assert.Contains("ConnectionStrings:AzureStorage is not set", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("this is not a connection string")]
    [InlineData("AccountName=devstoreaccount1;AccountKey=not base64!!;BlobEndpoint=http://127.0.0.1:1/x")]
    public async Task MalformedStorageConnectionString_StopsStartup_WithOneLineNamingTheSetting(string value)
    {
        var error = await FailedStart(new() { ["ConnectionStrings__AzureStorage"] = value });

        Assert.Contains("ConnectionStrings:AzureStorage is malformed", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "ConnectionStrings:NotificationStorage is empty")]
    [InlineData("this is not a connection string", "ConnectionStrings:NotificationStorage is malformed")]
    public async Task EmptyOrMalformedNotificationStorage_StopsStartup_WithOneLineNamingTheSetting(string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["ConnectionStrings__NotificationStorage"] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffAccountWithAPlainPassword_StopsStartup_NamingTheAccount()
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Staff__Accounts__0__PasswordHash"] = "hunter2",
        });

        Assert.Contains("Newsroom:Staff:Accounts:0:PasswordHash", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00:00:00", "Newsroom:Cluster:ResponseTimeout (00:00:00) must be positive")]
    [InlineData("soon", "Newsroom:Cluster is invalid")]
    public async Task ResponseTimeoutThatIsNotAPositiveTime_StopsStartup_NamingTheSetting(string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Cluster__ResponseTimeout"] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoStoriesThatIsNotTrueOrFalse_StopsStartup_NamingTheSetting()
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Demo__Stories"] = "sometimes",
        });

        Assert.Contains("Newsroom:Demo:Stories ('sometimes') must be true or false.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RelayRenewalSlowerThanHalfTheExpiry_StopsStartup_NamingBothSettings()
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Relay__RenewInterval"] = "00:01:30",
        });

        Assert.Contains("Newsroom:Relay:RenewInterval", error, StringComparison.Ordinal);
        Assert.Contains("Newsroom:Channels:SubscriptionExpiry", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newsroom__SignIn__FailuresPerAccount", "0", "Newsroom:SignIn:FailuresPerAccount (0) and Newsroom:SignIn:FailuresPerAddress (20) must be at least 1")]
    [InlineData("Newsroom__SignIn__FailuresPerAddress", "-1", "Newsroom:SignIn:FailuresPerAccount (5) and Newsroom:SignIn:FailuresPerAddress (-1) must be at least 1")]
    [InlineData("Newsroom__SignIn__Window", "00:00:00", "Newsroom:SignIn:Window (00:00:00) must be from 1 second to 1 day")]
    [InlineData("Newsroom__SignIn__Window", "a minute", "Newsroom:SignIn is invalid")]
    public async Task SignInThrottleSettingOutOfRange_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newsroom__Cluster__ProbeTimeout", "00:00:00.1", "Newsroom:Cluster:ProbeTimeout (00:00:00.1000000) must be from 0.5 s to 1 minute")]
    [InlineData("Newsroom__Cluster__MissedProbesLimit", "0", "Newsroom:Cluster:MissedProbesLimit (0) must be from 1 to 10")]
    public async Task MembershipSettingOutOfRange_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newsroom__Telemetry__Exporter", "Otlp", "Newsroom:Telemetry:Exporter is Otlp, so Newsroom:Telemetry:OtlpEndpoint must be the collector's http(s) address")]
    [InlineData("Newsroom__Telemetry__Exporter", "Jaeger", "Newsroom:Telemetry is invalid")]
    [InlineData("Newsroom__Telemetry__ScrapeToken", "short", "Newsroom:Telemetry:ScrapeToken must be at least 32 characters")]
    [InlineData("Newsroom__Telemetry__ConsoleMetricsInterval", "00:00:00.5", "Newsroom:Telemetry:ConsoleMetricsInterval must be at least 1 second")]
    public async Task TelemetrySettingThatCannotWork_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Newsroom__RateLimits__CommentsPerIdentity__Burst", "0", "Newsroom:RateLimits:CommentsPerIdentity:Burst (0) must be between 1 and 100000")]
    [InlineData("Newsroom__RateLimits__VotesPerAddress__Every", "00:00:00", "Newsroom:RateLimits:VotesPerAddress:Every (00:00:00) must be from 1 ms to 1 hour")]
    [InlineData("Newsroom__PublishedPages__MaxAge", "-00:00:01", "Newsroom:PublishedPages:MaxAge (-00:00:01) must be between 00:00:00 (pages not kept) and 1.00:00:00")]
    public async Task ReaderLimitOutOfRange_StopsStartup_NamingTheSetting(string setting, string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            [setting] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1", "Newsroom:Transport:PooledBlocks (-1) must be between 0 and 65536")]
    [InlineData("65537", "Newsroom:Transport:PooledBlocks (65537) must be between 0 and 65536")]
    [InlineData("many", "Newsroom:Transport is invalid")]
    public async Task PooledTransportBlocksOutOfRange_StopsStartup_NamingTheSetting(string value, string expected)
    {
        var error = await FailedStart(new()
        {
            ["ConnectionStrings__AzureStorage"] = "UseDevelopmentStorage=true",
            ["Newsroom__Transport__PooledBlocks"] = value,
        });

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    internal static async Task<string> FailedStart(Dictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        await using var process = NewsroomServer.Launch(environment);
        await process.Exited.WaitAsync(_wait, "the misconfigured server to exit");
        await process.OutputEnded.WaitAsync(_wait, "the misconfigured server's last words");

        var errors = process.StandardErrorLines.Where(l => l.Length > 0).ToList();
        Assert.NotEqual(0, process.ExitCode);
        var line = Assert.Single(errors);
        Assert.StartsWith("Newsroom cannot start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", process.Output, StringComparison.Ordinal);
        return line;
    }
}
