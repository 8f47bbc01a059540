namespace Newsroom.Testing;

/// <summary>
/// A server and the Azurite it stores in, started together and stopped server first (so its grains' last writes
/// reach storage): what a test fixture that wants a newsroom of its own holds.
/// </summary>
public sealed class NewsroomOnAzurite : IAsyncDisposable
{
    private NewsroomOnAzurite(Azurite azurite, NewsroomServer server) => (Azurite, Server) = (azurite, server);

    public Azurite Azurite { get; }

    public NewsroomServer Server { get; }

    public static async Task<NewsroomOnAzurite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var azurite = await Azurite.StartAsync();
        try
        {
            return new NewsroomOnAzurite(azurite, await NewsroomServer.StartAsync(azurite, settings));
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
