namespace Newsroom.Grains.Drafts;

/// <summary>The collaborative texts of a draft; each has its own version count and update log.</summary>
public enum DraftField
{
    Headline = 0,
    Standfirst = 1,
    Body = 2,
}
