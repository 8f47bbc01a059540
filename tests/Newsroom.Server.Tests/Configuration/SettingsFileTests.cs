using System.Net;
using Newsroom.Core.Accounts;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Configuration;

/// <summary><c>Newsroom:SettingsFile</c>: one more JSON file of settings, such as a large newsroom's staff accounts.</summary>
public sealed class SettingsFileTests
{
    [Fact]
    public async Task StaffAccountsFromTheSettingsFile_SignIn_BesideTheDemoAccounts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsroom-settings-{Guid.NewGuid():n}.json");
        // Indices after the demo accounts' 0–3 of appsettings.Development.json, which this file adds to.
        await File.WriteAllTextAsync(file, $$"""
            { "Newsroom": { "Staff": { "Accounts": { "10": {
              "UserName": "night.editor", "DisplayName": "Nina Night", "Roles": [ "editor" ],
              "PasswordHash": "{{PasswordHash.Create("night-shift", iterations: 1_000)}}" } } } } }
            """);
        try
        {
            await using var azurite = await Azurite.StartAsync();
            await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?> { ["Newsroom__SettingsFile"] = file });

            using var nina = await server.SignInAsync("night.editor", "night-shift");
            using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
            using var desk = await nina.Http.GetAsync("/desk");
            Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
            Assert.Contains("Nina Night", await desk.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MissingSettingsFile_StopsStartup_NamingTheSettingAndTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"newsroom-missing-{Guid.NewGuid():n}.json");

        var error = await StartupConfigurationTests.FailedStart(new() { ["Newsroom__SettingsFile"] = missing });

        Assert.Contains($"Newsroom:SettingsFile names '{missing}', which does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsFileThatIsNotJson_StopsStartup_NamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"newsroom-broken-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, "Newsroom: { not json");
        try
        {
            var error = await StartupConfigurationTests.FailedStart(new() { ["Newsroom__SettingsFile"] = file });

            Assert.Contains($"Newsroom:SettingsFile names '{file}', which is not a JSON settings file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
