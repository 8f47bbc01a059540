namespace Newsroom.Benchmarks;

/// <summary>
/// One editor's sync calls: pushes and the updates they carried, pulls, pushes whose updates were not all taken, and
/// pushes whose confirmation was late (followed by a pull). Written under the editor's lock; read once it stops.
/// </summary>
internal sealed class EditorSyncCounts
{
    public int Pushes { get; private set; }

    public long PushedUpdates { get; private set; }

    public int MostPushed { get; private set; }

    public int Pulls { get; private set; }

    public int ShortPushes { get; set; }

    public int LateConfirmations { get; set; }

    public void Called(bool pull, int updates)
    {
        if (pull)
        {
            Pulls++;
            return;
        }

        Pushes++;
        PushedUpdates += updates;
        MostPushed = Math.Max(MostPushed, updates);
    }

    /// <summary>The editors' counts together, as one line of the benchmark's notes.</summary>
    public static string Summary(IEnumerable<EditorSyncCounts> all)
    {
        var list = all.ToList();
        var pushes = list.Sum(c => c.Pushes);
        return $"{pushes:N0} pushes ({list.Sum(c => c.PushedUpdates) / (double)Math.Max(1, pushes):0.0} updates each, at most " +
            $"{list.Max(c => c.MostPushed)}), {list.Sum(c => c.ShortPushes):N0} not taken whole, {list.Sum(c => c.LateConfirmations):N0} " +
            $"confirmed late, {list.Sum(c => c.Pulls):N0} pulls";
    }
}
