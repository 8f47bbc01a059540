namespace Newsroom.Core.Publishing;

/// <summary>Where a story stands on its way to readers.</summary>
public enum DraftStatus
{
    /// <summary>Being written; the reporter has not asked for review yet, or it was sent back.</summary>
    Draft,

    /// <summary>Submitted; waiting for an editor.</summary>
    InReview,

    /// <summary>An editor approved it; it runs once an editor publishes it.</summary>
    Approved,

    /// <summary>Readers see its latest published version.</summary>
    Published,

    /// <summary>Was published and has been taken down; readers see the editor's note instead of the text.</summary>
    Withdrawn,

    /// <summary>Will never run: off the desk, kept in storage, restorable.</summary>
    Archived,
}
