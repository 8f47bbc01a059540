using Newsroom.Testing;

[assembly: AssemblyFixture(typeof(Newsroom.Server.Tests.SharedNewsroom))]

namespace Newsroom.Server.Tests;

/// <summary>
/// One Azurite and one server for the tests that need neither to restart; each test uses its own desk,
/// draft or user names, so tests never see each other's data.
/// </summary>
public sealed class SharedNewsroom : IAsyncLifetime
{
    private Azurite? _azurite;
    private NewsroomServer? _server;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    public NewsroomServer Server => _server ?? throw new InvalidOperationException("Not started.");

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..(prefix.Length + 13)];

    public async ValueTask InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _server = await NewsroomServer.StartAsync(_azurite);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
