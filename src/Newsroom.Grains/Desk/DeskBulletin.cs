namespace Newsroom.Grains.Desk;

/// <summary>A short note from a staff member to everyone on a desk.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.desk-bulletin")]
public sealed record DeskBulletin(
    [property: Id(0)] long Number,
    [property: Id(1)] string Author,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset PostedAt)
{
    public const int MaxTextLength = 500;
}
