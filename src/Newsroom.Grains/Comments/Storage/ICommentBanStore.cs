namespace Newsroom.Grains.Comments.Storage;

/// <summary>The newsroom's comment bans, a row each: banning one person writes one row.</summary>
public interface ICommentBanStore
{
    Task<IReadOnlyList<CommentBan>> LoadAsync(string newsroom, CancellationToken cancellationToken = default);

    Task SaveAsync(string newsroom, CommentBan ban, CancellationToken cancellationToken = default);

    Task DeleteAsync(string newsroom, string authorId, CancellationToken cancellationToken = default);
}
