namespace Newsroom.Grains.Drafts;

/// <summary>
/// The signed-in staff member on whose behalf the hub calls a draft grain, with their roles: the editorial workflow
/// decides by role (<see cref="Core.Publishing.EditorialWorkflow"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("newsroom.draft-user")]
public sealed record DraftUser(
    [property: Id(0)] string UserName,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] IReadOnlyList<string>? Roles = null)
{
    public IReadOnlyList<string> RolesHeld => Roles ?? [];
}
