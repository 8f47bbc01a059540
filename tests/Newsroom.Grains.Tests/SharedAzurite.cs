using Azure.Storage.Blobs;
using Newsroom.Testing;

[assembly: AssemblyFixture(typeof(Newsroom.Grains.Tests.SharedAzurite))]

namespace Newsroom.Grains.Tests;

/// <summary>
/// One Azurite for the tests that do not restart it; each test uses drafts of its own, so tests never see
/// each other's data.
/// </summary>
public sealed class SharedAzurite : IAsyncLifetime
{
    private Azurite? _azurite;

    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Not started.");

    public BlobServiceClient Blobs => new(Azurite.ConnectionString);

    public static string UniqueDraftId(string prefix) => $"{prefix}-{Guid.NewGuid():n}";

    public async ValueTask InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
