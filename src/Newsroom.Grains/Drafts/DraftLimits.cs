namespace Newsroom.Grains.Drafts;

/// <summary>
/// The documented limits on drafts. A push or metadata change beyond them is refused with the limit in the
/// message; nothing of it is stored.
/// </summary>
public static class DraftLimits
{
    /// <summary>
    /// Characters (UTF-16 code units) a field may hold. A news article's body is at most a few hundred KB;
    /// the grain keeps each field in one gap buffer and snapshots copy it whole.
    /// </summary>
    public static int MaxLength(DraftField field) => field switch
    {
        DraftField.Headline => 1_000,
        DraftField.Standfirst => 5_000,
        _ => 500_000,
    };

    /// <summary>
    /// Updates in one push. collab sends every unconfirmed update at once; 1,000 is many minutes of offline
    /// typing, and a backlog pushed in large batches is confirmed in few round trips (the server-replay
    /// benchmark: about 25,000 edits/s at 200 per push, 42,000 at 1,000, one push in flight).
    /// </summary>
    public const int MaxUpdatesPerPush = 1000;

    /// <summary>
    /// Characters of change-set JSON in one push, all updates together: a pasted section of about 100 KB of
    /// text fits. SignalR's receive limit (1 MiB, set in the server) sits above it, so a push over this gets
    /// this limit's message rather than a dropped connection.
    /// </summary>
    public const int MaxPushJsonLength = 256 * 1024;

    /// <summary>A client ID is CodeMirror's random per-editor string; this only bounds what is stored with each update.</summary>
    public const int MaxClientIdLength = 64;

    /// <summary>
    /// Steps of rebasing one push may take: updates accepted since its base version times the updates rebased. A
    /// late push costs the grain, on its one thread, that many change-set mappings; of a push past this only its
    /// oldest updates that fit are taken (none when it is more than this many versions behind), and the client,
    /// which receives the others' updates anyway, rebases the rest on its own processor and sends them again from
    /// there. Without a limit, 300 editors falling behind made every push costlier, which made them fall further
    /// behind: the grain spent all its time rebasing and none writing. Taking none of a push past it was a trap of
    /// its own: an editor who had fallen behind by a few updates was refused every time, while the others typed on.
    /// </summary>
    public const int MaxRebaseSteps = 2_048;

    /// <summary>Updates per field kept in memory to rebase late pushes; a client further behind reloads the draft.</summary>
    public const int DefaultWindow = 20_000;

    /// <summary>
    /// Editors an opening view lists (the most recently active; the view counts the rest): what an editor's page shows,
    /// so 2,000 people in one draft cost each newcomer a few KB, not a list of everyone.
    /// </summary>
    public const int MaxEditorsInView = 50;

    public const int MaxSectionLength = 60;

    public const int MaxTags = 20;

    public const int MaxTagLength = 40;

    public const int MaxBylineLength = 200;

    public const int MaxSlugLength = 120;

    /// <summary>Characters of the headline an editor may set when creating a draft (the field's own limit).</summary>
    public static int MaxInitialHeadlineLength => MaxLength(DraftField.Headline);
}
