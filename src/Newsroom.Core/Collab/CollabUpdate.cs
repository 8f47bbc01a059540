using Newsroom.Core.Changes;

namespace Newsroom.Core.Collab;

/// <summary>
/// One update in the collaborative-editing protocol of <c>@codemirror/collab</c>: the
/// <paramref name="Changes"/> an editor made and the <paramref name="ClientId"/> of that editor.
/// </summary>
/// <param name="Changes">The changes, applying to the document at the update's position in the log.</param>
/// <param name="ClientId">
/// The ID of the editor instance (not the user) that made the update. The client recognises its own
/// updates in the log by this ID, in order, so it must be unique per editor instance.
/// </param>
public sealed record CollabUpdate(ChangeSet Changes, string ClientId);
