using Newsroom.Grains.Drafts;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Drafts;

/// <summary>The argument is a draft id (<see cref="DraftId"/>); anything else is refused before the call.</summary>
public sealed class DraftIdAttribute : HubArgumentAttribute
{
    public override void Check(object? value) => DraftId.Require(value as string);
}
