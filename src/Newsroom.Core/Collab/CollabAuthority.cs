namespace Newsroom.Core.Collab;

/// <summary>
/// The authority's half of the <c>@codemirror/collab</c> protocol: deciding what a client's push
/// appends to the update log. The version is the number of updates in the log.
/// </summary>
public static class CollabAuthority
{
    /// <summary>
    /// Returns the updates to append to the log for a push of <paramref name="pushed"/>, which one
    /// client made against the version it reported, given <paramref name="acceptedSinceVersion"/>: the
    /// updates the log accepted after that version, in log order, ending at the current document of
    /// <paramref name="currentLength"/> code units. Updates of the client that are already in
    /// <paramref name="acceptedSinceVersion"/> (a resend after a lost confirmation) are dropped; the rest
    /// are rebased with <see cref="CollabRebase.RebaseUpdates"/> and apply, in order, to the current document.
    /// </summary>
    /// <remarks>
    /// Append every returned update, even one that became empty, and never merge or reorder them: the
    /// client matches its own updates in the log by client ID, in order, and its version counts updates.
    /// Checking the reported version (0 &lt;= version &lt;= log length) is the caller's job, as is keeping
    /// every update since it: a client older than the kept tail has to reload instead.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// The push is not one client's chain of changes starting from the document at the reported
    /// version (its first change's length differs, or one change does not start where the previous
    /// one ends), or <paramref name="acceptedSinceVersion"/> does not chain up to <paramref name="currentLength"/>.
    /// </exception>
    public static IReadOnlyList<CollabUpdate> UpdatesToAppend(
        IReadOnlyList<CollabUpdate> acceptedSinceVersion, IReadOnlyList<CollabUpdate> pushed, int currentLength)
    {
        ArgumentNullException.ThrowIfNull(acceptedSinceVersion);
        ArgumentNullException.ThrowIfNull(pushed);

        // The log is the authority's own state, but a wrong slice of it would corrupt every later
        // version, so it is checked as carefully as the client's input.
        var versionLength = acceptedSinceVersion.Count > 0 ? acceptedSinceVersion[0]?.Changes?.Length ?? 0 : currentLength;
        var logEnd = CheckChain(acceptedSinceVersion, versionLength, "Accepted update", nameof(acceptedSinceVersion));
        if (logEnd != currentLength)
        {
            throw new ArgumentException(
                $"The accepted updates end at a document of length {logEnd}, but the current document has length {currentLength}.",
                nameof(acceptedSinceVersion));
        }

        CheckChain(pushed, versionLength, "Pushed update", nameof(pushed));
        for (var i = 1; i < pushed.Count; i++)
        {
            if (pushed[i].ClientId != pushed[0].ClientId)
            {
                throw new ArgumentException(
                    $"Pushed update {i} comes from client '{pushed[i].ClientId}', update 0 from '{pushed[0].ClientId}'; a push holds one client's updates.",
                    nameof(pushed));
            }
        }

        return CollabRebase.RebaseUpdates(pushed, acceptedSinceVersion);
    }

    private static int CheckChain(IReadOnlyList<CollabUpdate> updates, int startLength, string what, string paramName)
    {
        var length = startLength;
        for (var i = 0; i < updates.Count; i++)
        {
            var update = updates[i] ?? throw new ArgumentException($"{what} {i} is null.", paramName);
            if (update.Changes is null || update.ClientId is null)
            {
                throw new ArgumentException($"{what} {i} has no changes or no client ID.", paramName);
            }

            if (update.Changes.Length != length)
            {
                throw new ArgumentException(
                    $"{what} {i} applies to a document of length {update.Changes.Length}, but the document there has length {length}.",
                    paramName);
            }

            length = update.Changes.NewLength;
        }

        return length;
    }
}
