using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Benchmarks;

/// <summary>
/// People working through every silo of a cluster while silos die or restart: editors typing into one draft, a staff
/// member commenting on a story, readers listening to its comments; each client connects to another silo in service
/// when its own goes away. It tells when every client is working again after a kill, and at the end what was kept.
/// </summary>
internal sealed class ClusterLoad : IAsyncDisposable
{
    private static readonly TimeSpan _settleTimeout = TimeSpan.FromSeconds(90);

    private readonly ClusterSilos _silos;
    private readonly StaffSession _staff;
    private readonly string _draftId;
    private readonly string _slug;
    private readonly List<FailoverEditor> _editors = [];
    private readonly List<FailoverReader> _readers = [];
    private readonly FailoverCommenter _commenter;

    private ClusterLoad(ClusterSilos silos, StaffSession staff, StaffSession voter, string draftId, string slug, int seed) =>
        (_silos, _staff, _draftId, _slug, _commenter) = (silos, staff, draftId, slug, new FailoverCommenter(silos, staff.Cookies, voter.Cookies, slug, seed));

    public int Editors => _editors.Count;

    public int Readers => _readers.Count;

    /// <summary>
    /// A new draft, <paramref name="perSilo"/> editors and readers on each silo, <paramref name="staff"/> commenting on the
    /// story and <paramref name="voter"/> voting the comments up, all at work.
    /// </summary>
    public static async Task<ClusterLoad> StartAsync(ClusterSilos silos, StaffSession staff, StaffSession voter, string slug, int perSilo, int seed)
    {
        var editors = silos.Count * perSilo;
        var draftId = await staff.CreateDraftAsync($"Typed through crashes, seed {seed}");
        await WriteMarkerLinesAsync(staff, draftId, editors);
        var load = new ClusterLoad(silos, staff, voter, draftId, slug, seed);
        for (var i = 0; i < editors; i++)
        {
            load._editors.Add(await FailoverEditor.OpenAsync(staff, silos, draftId, i, silo: i % silos.Count));
            load._readers.Add(await FailoverReader.JoinAsync(silos, slug, silo: i % silos.Count));
        }

        foreach (var editor in load._editors)
        {
            editor.StartTyping(seed * 100 + editor.Index);
        }

        load._commenter.Start();
        return load;
    }

    /// <summary>
    /// Waits until every client works again after <paramref name="since"/> (a kill or a stop): every editor has an edit
    /// made after it confirmed, a comment posted after it is acknowledged, and every reader has heard one such comment.
    /// Returns how long that took from <paramref name="since"/>, or null when it did not happen within the timeout.
    /// </summary>
    public async Task<TimeSpan?> RecoveredAsync(long since, TimeSpan timeout)
    {
        while (Stopwatch.GetElapsedTime(since) < timeout)
        {
            if (_editors.All(e => e.EditingAgainSince(since)) && _commenter.PostingAgainSince(since) && ReadersHearSince(since))
            {
                return Stopwatch.GetElapsedTime(since);
            }

            await Task.Delay(50);
        }

        return null;
    }

    /// <summary>Who is not working again yet, for a recovery that timed out.</summary>
    public string Stuck(long since) =>
        string.Join("; ", _editors.Where(e => !e.EditingAgainSince(since)).Select(e => e.Describe())
            .Concat(_commenter.PostingAgainSince(since) ? [] : ["the commenter"])
            .Concat(_readers.Where(r => !HeardSince(r, since)).Select(r => r.Describe())));

    /// <summary>Stops the work, lets every client settle, and compares what they were told with what is stored.</summary>
    public async Task<ClusterOutcome> FinishAsync()
    {
        await _commenter.StopAsync();
        var settled = (await Task.WhenAll(_editors.Select(e => e.SettleAsync(_settleTimeout)))).All(s => s);
        var through = _silos[_silos.InService(0)];
        using var reading = await through.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var body = (await reading.ReadDraftAsync(_draftId)).GetProperty("fields").GetProperty("body");
        var (version, text) = (body.GetProperty("version").GetInt32(), JsStrings.Read(body.GetProperty("text")));
        var (editsLost, editsDoubled) = (0, 0);
        var editorsConverged = 0;
        foreach (var editor in _editors)
        {
            var (missing, doubled) = editor.Count(text);
            (editsLost, editsDoubled) = (editsLost + missing, editsDoubled + doubled);
            editorsConverged += settled && await editor.HoldsAsync(version, text, _settleTimeout) ? 1 : 0;
        }

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(through.BaseAddress, "hubs/reader")).Build();
        await hub.StartAsync();
        var comments = await FailoverReader.StoredCommentsAsync(hub, _slug);
        var stored = comments.GroupBy(c => c.Text).ToDictionary(g => g.Key, g => g.Count());
        var upVoted = comments.Where(c => c.Up > 0).Select(c => c.Text).ToHashSet();
        var acknowledged = _commenter.Acknowledged.Select(a => a.Text).ToArray();
        var commentsLost = acknowledged.Count(t => !stored.ContainsKey(t));
        var commentsDoubled = acknowledged.Count(t => stored.GetValueOrDefault(t) > 1);
        var votes = _commenter.VotesAcknowledged.ToArray();
        var readersConverged = 0;
        foreach (var reader in _readers)
        {
            readersConverged += await HeardAllAsync(reader, acknowledged) ? 1 : 0;
        }

        return new ClusterOutcome(
            _editors.Sum(e => e.Made),
            editsLost,
            editsDoubled,
            acknowledged.Length,
            commentsLost,
            commentsDoubled,
            votes.Length,
            votes.Count(t => !upVoted.Contains(t)),
            editorsConverged,
            _editors.Count,
            readersConverged,
            _readers.Count,
            [.. _editors.SelectMany(e => e.Errors.Select(m => $"editor {e.Index}: {m}")), .. _commenter.Errors.Select(m => $"commenter: {m}")],
            _editors.Sum(e => e.BusyAnswers) + _commenter.BusyNotices,
            _readers.Sum(r => r.Reloads),
            _editors.Sum(e => e.Moves) + _readers.Sum(r => r.Moves));
    }

    private bool ReadersHearSince(long since) => _readers.All(r => HeardSince(r, since));

    private bool HeardSince(FailoverReader reader, long since) =>
        _commenter.Acknowledged.Any(a => a.AckedAt > since && reader.Heard.ContainsKey(a.Text));

    private static async Task<bool> HeardAllAsync(FailoverReader reader, string[] acknowledged)
    {
        try
        {
            await Eventually.Until(
                () => Task.FromResult(acknowledged.Count(t => !reader.Heard.ContainsKey(t))), missing => missing == 0, TimeSpan.FromSeconds(30),
                $"{reader.Describe()} to have every acknowledged comment");
            return true;
        }
        catch (TimeoutException e)
        {
            Console.Error.WriteLine($"note: {e.Message}");
            return false;
        }
    }

    private static async Task WriteMarkerLinesAsync(StaffSession staff, string draftId, int editors)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < editors; i++)
        {
            lines.Append(FailoverEditor.Marker(i)).Append('\n');
        }

        await using var setup = await DraftEditorClient.OpenAsync(staff, draftId, "setup", recordEvents: false);
        var body = lines.ToString();
        setup.Edit("body", _ => [new ChangeSpec(0, null, body)]);
        await setup.WaitUntilAsync(c => c.UnconfirmedCount == 0, _settleTimeout, "the marker lines to be confirmed");
    }

    public async ValueTask DisposeAsync()
    {
        await _commenter.DisposeAsync();
        foreach (var editor in _editors)
        {
            await editor.DisposeAsync();
        }

        foreach (var reader in _readers)
        {
            await reader.DisposeAsync();
        }
    }
}

/// <summary>What a stretch of work through a cluster kept: counts of edits and comments, clients converged, what clients saw.</summary>
internal sealed record ClusterOutcome(
    int EditsMade,
    int EditsLost,
    int EditsDoubled,
    int CommentsAcknowledged,
    int CommentsLost,
    int CommentsDoubled,
    int VotesAcknowledged,
    int VotesLost,
    int EditorsConverged,
    int EditorsTotal,
    int ReadersConverged,
    int ReadersTotal,
    IReadOnlyList<string> Errors,
    int BusyNotices,
    int Reloads,
    int Moves)
{
    public int Lost => EditsLost + CommentsLost + VotesLost;

    public bool Converged => EditorsConverged == EditorsTotal && ReadersConverged == ReadersTotal && EditsDoubled + CommentsDoubled == 0;

    public string Describe() =>
        $"edits made {EditsMade:N0}, lost {EditsLost}, doubled {EditsDoubled}; comments acknowledged {CommentsAcknowledged:N0}, lost {CommentsLost}, " +
        $"doubled {CommentsDoubled}; votes acknowledged {VotesAcknowledged:N0}, lost {VotesLost}; editors converged {EditorsConverged}/{EditorsTotal}, readers {ReadersConverged}/{ReadersTotal}; " +
        $"errors shown {Errors.Count}, busy notices {BusyNotices}, comment lists read again {Reloads}, clients moved to another silo {Moves}";
}
