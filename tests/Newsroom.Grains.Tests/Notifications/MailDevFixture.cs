using Newsroom.Testing;

namespace Newsroom.Grains.Tests.Notifications;

/// <summary>One maildev for a test class; each test sends to an address of its own and finds its mail by it.</summary>
public sealed class MailDevFixture : IAsyncLifetime
{
    private MailDev? _mailDev;

    public MailDev MailDev => _mailDev ?? throw new InvalidOperationException("Not started.");

    public static string UniqueAddress(string prefix) => $"{prefix}-{Guid.NewGuid():n}@example.org";

    public async ValueTask InitializeAsync() => _mailDev = await MailDev.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_mailDev is not null)
        {
            await _mailDev.DisposeAsync();
        }
    }
}
