namespace Newsroom.Grains.Drafts;

/// <summary>The signed-in staff member on whose behalf the hub calls a draft grain.</summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-user")]
public sealed record DraftUser(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName);
