using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>
/// A server of its own for the tests that publish many stories: the shared server's front page, sections and
/// feed keep only the demo newsroom that the reader page tests look for.
/// </summary>
public sealed class PublishingNewsroom : IAsyncLifetime
{
    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}
