namespace Newsroom.Testing;

/// <summary>
/// A server and the Azurite it stores in (and, when asked, the maildev it sends email to), started together and
/// stopped server first (so its grains' last writes reach storage): what a test fixture that wants a newsroom of its
/// own holds.
/// </summary>
public sealed class NewsroomOnAzurite : IAsyncDisposable
{
    private readonly MailDev? _mailDev;

    private NewsroomOnAzurite(Azurite azurite, NewsroomServer server, MailDev? mailDev) =>
        (Azurite, Server, _mailDev) = (azurite, server, mailDev);

    public Azurite Azurite { get; }

    public NewsroomServer Server { get; }

    /// <summary>The maildev the server sends its email to.</summary>
    public MailDev MailDev => _mailDev ?? throw new InvalidOperationException("This newsroom was started without maildev: use StartWithMailAsync.");

    public static Task<NewsroomOnAzurite> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) => StartAsync(settings, withMail: false);

    /// <summary>The same, with a maildev of its own that the server sends its email to.</summary>
    public static Task<NewsroomOnAzurite> StartWithMailAsync(IReadOnlyDictionary<string, string?>? settings = null) => StartAsync(settings, withMail: true);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Azurite.DisposeAsync();
        if (_mailDev is not null)
        {
            await _mailDev.DisposeAsync();
        }
    }

    private static async Task<NewsroomOnAzurite> StartAsync(IReadOnlyDictionary<string, string?>? settings, bool withMail)
    {
        var azurite = await Azurite.StartAsync();
        MailDev? mailDev = null;
        try
        {
            mailDev = withMail ? await MailDev.StartAsync() : null;
            var server = mailDev is null
                ? await NewsroomServer.StartAsync(azurite, settings)
                : await NewsroomServer.StartAsync(azurite, mailDev, settings);
            return new NewsroomOnAzurite(azurite, server, mailDev);
        }
        catch
        {
            await azurite.DisposeAsync();
            if (mailDev is not null)
            {
                await mailDev.DisposeAsync();
            }

            throw;
        }
    }
}
