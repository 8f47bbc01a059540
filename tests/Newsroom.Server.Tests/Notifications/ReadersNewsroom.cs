using Newsroom.Testing;

namespace Newsroom.Server.Tests.Notifications;

/// <summary>
/// A server with a maildev of its own for the reader subscription tests, which read the confirmation emails; the
/// subscription bucket is wide, as every test client comes from 127.0.0.1 (the rate limit test has its own guest).
/// </summary>
public sealed class ReadersNewsroom : IAsyncLifetime
{
    public const int SubscriptionBurst = 3;

    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public MailDev MailDev => _newsroom?.MailDev ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartWithMailAsync(new Dictionary<string, string?>
    {
        ["Newsroom__RateLimits__SubscriptionsPerIdentity__Burst"] = $"{SubscriptionBurst}",
        ["Newsroom__RateLimits__SubscriptionsPerAddress__Burst"] = "1000",
        ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
    });

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}
