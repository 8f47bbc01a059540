namespace Newsroom.Core.Comments;

public sealed partial class CommentThread
{
    /// <summary>
    /// A reader's up or down vote on a comment, replacing their earlier one; <see cref="CommentVote.None"/> takes it
    /// back. One vote per person per comment, so a score cannot be pumped by voting again.
    /// </summary>
    public VoteChange Vote(long commentId, string voterId, CommentVote vote)
    {
        ArgumentException.ThrowIfNullOrEmpty(voterId);
        if (!Enum.IsDefined(vote))
        {
            return VoteChange.Refuse($"A vote is up (1), down (-1) or none (0); got {(int)vote}.");
        }

        if (!_nodes.TryGetValue(commentId, out var node) || node.Comment.Status != CommentStatus.Published)
        {
            return VoteChange.Refuse($"There is no published comment {commentId} under this story to vote on.");
        }

        if (string.Equals(node.Comment.Author.Id, voterId, StringComparison.Ordinal))
        {
            return VoteChange.Refuse("You cannot vote on your own comment.");
        }

        var previous = node.Votes.GetValueOrDefault(voterId);
        SetVote(node, voterId, vote);
        return new VoteChange(true, null, node.Tally, previous, vote);
    }

    /// <summary>The vote this person gave this comment, <see cref="CommentVote.None"/> if none.</summary>
    public CommentVote VoteOf(long commentId, string voterId) =>
        _nodes.TryGetValue(commentId, out var node) ? node.Votes.GetValueOrDefault(voterId) : CommentVote.None;

    public CommentVoteTally TallyOf(long commentId) => _nodes.TryGetValue(commentId, out var node) ? node.Tally : default;

    private void SetVote(Node node, string voterId, CommentVote vote)
    {
        var previous = node.Votes.GetValueOrDefault(voterId);
        if (previous == vote)
        {
            return;
        }

        // The key is the score: out of the ordered set before the score changes, back in after.
        var ranked = node.Comment.ParentId is null && _byVotes.Remove(node.VoteKey);
        node.Tally = new CommentVoteTally(
            node.Tally.Up - (previous == CommentVote.Up ? 1 : 0) + (vote == CommentVote.Up ? 1 : 0),
            node.Tally.Down - (previous == CommentVote.Down ? 1 : 0) + (vote == CommentVote.Down ? 1 : 0));
        if (vote == CommentVote.None)
        {
            node.Votes.Remove(voterId);
        }
        else
        {
            node.Votes[voterId] = vote;
        }

        if (ranked)
        {
            _byVotes.Add(node.VoteKey);
        }
    }

    private sealed class Node(Comment comment)
    {
        public Comment Comment { get; set; } = comment;

        // Reply ids in posting order; replies read oldest first and page by id.
        public List<long> Children { get; } = [];

        public Dictionary<string, CommentVote> Votes { get; } = new(StringComparer.Ordinal);

        public CommentVoteTally Tally { get; set; }

        public VoteKey VoteKey => new(Tally.Score, Comment.Id);
    }

    private readonly record struct VoteKey(int Score, long Id)
    {
        // Highest score first; equal scores newest first.
        public static IComparer<VoteKey> Order { get; } = Comparer<VoteKey>.Create((a, b) =>
            a.Score != b.Score ? b.Score.CompareTo(a.Score) : b.Id.CompareTo(a.Id));
    }
}
