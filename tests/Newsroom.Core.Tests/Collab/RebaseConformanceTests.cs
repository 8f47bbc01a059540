using Newsroom.Core.Collab;
using Newsroom.Core.Tests.Oracle;
using Newsroom.Testing;
using Xunit;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// Compares <see cref="SequentialRebase.UpdatesToAppend"/>, the draft grain's rebase, with the real
/// @codemirror/collab on every stale push of the generated sessions (collab's <c>rebaseUpdates</c> over one
/// accepted update at a time, as an editor receiving updates one at a time rebases), and replays whole
/// sessions (real codemirror editors with the collab extension against an in-memory authority) with the C#
/// peer and authority.
/// </summary>
[Collection(OracleCollection.Name)]
public sealed class RebaseConformanceTests(OracleFixture oracle)
{
    private const int MinimumRebaseCases = 2_000;
    private const int MinimumScenarios = 1_000;

    [Fact]
    public void SequentialRebase_MatchesCodemirrorStepByStep()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("rebase"))
        {
            report.Case(c, c =>
            {
                var appended = SequentialRebase.UpdatesToAppend(OracleCase.Updates(c["over"]), OracleCase.Updates(c["updates"]));
                report.Equal(c, "appended", OracleCase.Wire(c["result"]), OracleCase.Wire(appended));
            });
        }

        report.AssertAllMatched(MinimumRebaseCases);
    }

    [Fact]
    public void Oracle_CoversResendsAndRebasesOfSeveralClients()
    {
        var rebases = oracle.OfKind("rebase").ToList();

        var resends = rebases.Count(c => c["result"].GetArrayLength() < c["updates"].GetArrayLength());
        var partialResends = rebases.Count(c => c["result"].GetArrayLength() is > 0 and var n && n < c["updates"].GetArrayLength());
        var overSeveralClients = rebases.Count(c => c["over"].EnumerateArray().Select(u => u.GetProperty("clientID").GetString()).Distinct().Count() > 1);

        Assert.True(resends > 100, $"{resends} rebase cases drop already-accepted updates; {oracle.ReplayHint}");
        Assert.True(partialResends > 10, $"{partialResends} rebase cases drop some updates and rebase the rest; {oracle.ReplayHint}");
        Assert.True(overSeveralClients > 100, $"{overSeveralClients} rebase cases rebase over several clients; {oracle.ReplayHint}");
    }

    [Fact]
    public void Sessions_ReplayToTheSameLogAndDocuments()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("scenario"))
        {
            report.Case(c, c =>
            {
                var startDoc = c.String("startDoc");
                var authority = new InMemoryAuthority(startDoc);
                var peers = c["clients"].EnumerateArray().Select(id => new CollabDocument(id.GetString()!, startDoc)).ToDictionary(p => p.ClientId);
                var step = 0;
                foreach (var e in c["events"].EnumerateArray())
                {
                    var peer = peers[e.GetProperty("client").GetString()!];
                    var at = $"event {step++} ({e.GetProperty("type").GetString()} {peer.ClientId})";
                    switch (e.GetProperty("type").GetString())
                    {
                        case "type":
                            peer.Edit(OracleCase.Specs(e.GetProperty("specs")));
                            report.Equal(c, $"{at} doc", OracleCase.Text(e.GetProperty("doc")), peer.Doc);
                            break;
                        case "send":
                            report.Equal(c, $"{at} version", e.GetProperty("version").GetInt32(), peer.Version);
                            var appended = authority.Push(peer.Version, peer.Unconfirmed);
                            report.Equal(c, $"{at} appended", OracleCase.Wire(e.GetProperty("appended")), OracleCase.Wire(appended));
                            break;
                        case "receive":
                            authority.Receive(peer);
                            report.Equal(c, $"{at} doc", OracleCase.Text(e.GetProperty("doc")), peer.Doc);
                            break;
                    }
                }

                report.Equal(c, "log", OracleCase.Wire(c["log"]), OracleCase.Wire(authority.Log));
                report.Equal(c, "server doc", c.String("serverDoc"), authority.Doc);
            });
        }

        report.AssertAllMatched(MinimumScenarios);
    }
}
