using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>
/// A server of its own for the tests that publish many stories: the shared server's front page, sections and
/// feed keep only the demo newsroom that the reader page tests look for.
/// </summary>
public sealed class PublishingNewsroom : IAsyncLifetime
{
    private Azurite? _azurite;
    private NewsroomServer? _server;

    public NewsroomServer Server => _server ?? throw new InvalidOperationException("Not started.");

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
