using Newsroom.Grains.Comments.Storage;

namespace Newsroom.Grains.Comments;

/// <summary>The newsroom's comment bans in memory, a table row each (<see cref="ICommentBanStore"/>), stored before they count.</summary>
public sealed class CommentBansGrain(ICommentBanStore store) : Grain, ICommentBansGrain
{
    private readonly Dictionary<string, CommentBan> _byAuthor = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CommentBan> _byEmail = new(StringComparer.Ordinal);

    private string Key => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var ban in await store.LoadAsync(Key, cancellationToken))
        {
            Keep(ban);
        }
    }

    public Task<CommentBan?> Find(string authorId, string? emailHash) =>
        Task.FromResult(
            _byAuthor.GetValueOrDefault(authorId ?? "") ?? (emailHash is null ? null : _byEmail.GetValueOrDefault(emailHash)));

    public async Task<CommentBan> Ban(CommentBan ban)
    {
        ArgumentNullException.ThrowIfNull(ban);
        if (string.IsNullOrWhiteSpace(ban.AuthorId) || ban.AuthorId.Length > 128)
        {
            throw new CommentException("Say whom to ban: a guest id or a user name of 1 to 128 characters.");
        }

        if (ban.Reason.Length > CommentThreadGrain.MaxReasonLength)
        {
            throw new CommentException($"A moderator's reason may be at most {CommentThreadGrain.MaxReasonLength} characters long; this one has {ban.Reason.Length}.");
        }

        await store.SaveAsync(Key, ban);
        Keep(ban);
        return ban;
    }

    public async Task<bool> Lift(string authorId)
    {
        if (!_byAuthor.TryGetValue(authorId ?? "", out var ban))
        {
            return false;
        }

        await store.DeleteAsync(Key, ban.AuthorId);
        _byAuthor.Remove(ban.AuthorId);
        if (ban.EmailHash is { } hash && _byEmail.GetValueOrDefault(hash)?.AuthorId == ban.AuthorId)
        {
            _byEmail.Remove(hash);
        }

        return true;
    }

    public Task<IReadOnlyList<CommentBan>> List() =>
        Task.FromResult<IReadOnlyList<CommentBan>>([.. _byAuthor.Values.OrderByDescending(b => b.At)]);

    private void Keep(CommentBan ban)
    {
        _byAuthor[ban.AuthorId] = ban;
        if (ban.EmailHash is { } hash)
        {
            _byEmail[hash] = ban;
        }
    }
}
