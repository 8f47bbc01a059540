using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// A server of its own for the comment tests, which publish stories (the shared server keeps only the demo newsroom).
/// A person may post three comments at once before the three-second rule applies, so tests that post a comment and a
/// reply as one person are not refused (and ten votes); the rate limit test posts past it. The address bucket is wide, as every test
/// client comes from 127.0.0.1.
/// </summary>
public sealed class CommentsNewsroom : IAsyncLifetime
{
    public const int CommentBurst = 3;

    private NewsroomOnAzurite? _newsroom;

    public NewsroomServer Server => _newsroom?.Server ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync() => _newsroom = await NewsroomOnAzurite.StartAsync(new Dictionary<string, string?>
    {
        ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = $"{CommentBurst}",
        ["Newsroom__RateLimits__CommentsPerAddress__Burst"] = "1000",
        ["Newsroom__RateLimits__VotesPerIdentity__Burst"] = "10",
        ["Newsroom__RateLimits__VotesPerAddress__Burst"] = "1000",
    });

    public async ValueTask DisposeAsync()
    {
        if (_newsroom is not null)
        {
            await _newsroom.DisposeAsync();
        }
    }
}
