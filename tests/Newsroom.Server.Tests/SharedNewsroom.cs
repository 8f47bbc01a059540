using Newsroom.Testing;

[assembly: AssemblyFixture(typeof(Newsroom.Server.Tests.SharedNewsroom))]

namespace Newsroom.Server.Tests;

/// <summary>
/// One Azurite and one server, with the demo newsroom, for the tests that need neither to restart; each test uses its own desk,
/// draft or user names, so tests never see each other's data.
/// </summary>
public sealed class SharedNewsroom : IAsyncLifetime
{
    private NewsroomOnAzurite? _newsroom;

    public Azurite Azurite => _newsroom?.Azurite ?? throw new InvalidOperationException("Not started.");

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 13)];

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartAsync(NewsroomServer.WithDemoStories);

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}
