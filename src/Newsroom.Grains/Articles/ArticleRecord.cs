namespace Newsroom.Grains.Articles;

/// <summary>
/// A story's small state, in table grain storage: whose draft it is, its history and whether it is withdrawn. The
/// versions' texts are blobs of their own (<see cref="Storage.IArticleVersionStore"/>), so a publish writes one
/// version and this row, never everything published before.
/// </summary>
[GenerateSerializer, Alias("newsroom.article-record")]
public sealed class ArticleRecord
{
    [Id(0)] public string DraftId { get; set; } = "";

    [Id(1)] public List<ArticleRevision> Revisions { get; set; } = [];

    [Id(2)] public ArticleWithdrawal? Withdrawal { get; set; }

    [Id(3)] public long ChannelVersion { get; set; }

    public bool Exists => Revisions.Count > 0;
}
