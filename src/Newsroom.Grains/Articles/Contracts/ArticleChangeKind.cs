namespace Newsroom.Grains.Articles;

/// <summary>What a published version is to readers.</summary>
public enum ArticleChangeKind
{
    /// <summary>The story's first publication.</summary>
    First,

    /// <summary>New information, a development: "Updated 14:32 · Polls have now closed."</summary>
    Update,

    /// <summary>A mistake put right, said openly: "Correction: an earlier version misstated the date."</summary>
    Correction,
}
