using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Newsroom.Server.Notifications;

/// <summary>
/// What a guest asked to be notified of, as carried by their confirmation link: signed and encrypted with the
/// newsroom's data protection keys (shared by every silo through blob storage), so the link can be neither forged
/// nor read, and stamped with when it stops working. <see cref="Nonce"/> makes each link usable once.
/// <see cref="Section"/>, <see cref="Author"/> and <see cref="Tags"/> are the story's names as they were when the reader
/// chose them (null or absent: not chosen, which is how a link made before they existed reads); so are
/// <see cref="Comment"/> and <see cref="CommentAuthor"/>, the one comment whose replies they chose to hear of.
/// </summary>
public sealed record ReaderSubscriptionRequest(
    string Email, string GuestId, string Slug, bool FollowUps, bool Replies, bool Updates, string Nonce, DateTimeOffset Expires,
    string? Section = null, string? Author = null, IReadOnlyList<string>? Tags = null, long? Comment = null, string? CommentAuthor = null)
{
    /// <summary>What the reader chose, to follow on confirming.</summary>
    public ReaderChoices Chosen => new(FollowUps, Replies, Updates, Section, Author, Tags ?? [], Comment, CommentAuthor);

    /// <summary>What the reader chose, in the widget's words, for the confirm page and the email.</summary>
    public IReadOnlyList<string> Choices => Chosen.Words;
}

/// <summary>What a confirmation link's token turned out to be.</summary>
public enum ReaderTokenState
{
    Valid,

    /// <summary>Not made by this newsroom, damaged, or missing.</summary>
    Forged,

    Expired,
}

/// <summary>Makes and reads confirmation tokens (<see cref="ReaderSubscriptionRequest"/>).</summary>
public sealed class ReaderSubscriptionTokens(IDataProtectionProvider protection, ReaderSubscriptionOptions options, TimeProvider time)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    private readonly IDataProtector _protector = protection.CreateProtector("newsroom.reader-subscription.v1");

    public ReaderSubscriptionRequest NewRequest(string email, string guestId, string slug, ReaderChoices choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return new(email, guestId, slug, choices.FollowUps, choices.Replies, choices.Updates, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            time.GetUtcNow() + options.ConfirmationLifetime, choices.Section, choices.Author, choices.Tags.Count == 0 ? null : choices.Tags,
            choices.Comment, choices.CommentAuthor);
    }

    public string Protect(ReaderSubscriptionRequest request) =>
        _protector.Protect(JsonSerializer.Serialize(request, _json));

    /// <summary>
    /// The request, when the token is this newsroom's and has not expired. The expiry travels inside the signed
    /// payload (rather than in a time-limited protector's envelope) so an expired link is told apart from a forged one.
    /// </summary>
    public ReaderTokenState Read(string? token, out ReaderSubscriptionRequest? request)
    {
        request = null;
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return ReaderTokenState.Forged;
        }

        try
        {
            request = JsonSerializer.Deserialize<ReaderSubscriptionRequest>(_protector.Unprotect(token), _json);
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return ReaderTokenState.Forged;
        }

        if (request is null)
        {
            return ReaderTokenState.Forged;
        }

        return request.Expires <= time.GetUtcNow() ? ReaderTokenState.Expired : ReaderTokenState.Valid;
    }
}
