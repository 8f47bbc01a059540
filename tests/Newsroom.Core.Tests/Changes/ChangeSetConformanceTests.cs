using System.Text.Json;
using Newsroom.Core.Changes;
using Newsroom.Core.Tests.Oracle;
using Xunit;

namespace Newsroom.Core.Tests.Changes;

/// <summary>
/// Compares the port with the real @codemirror/state on the generated cases, character for character.
/// Algebra checks start from the oracle's own JSON for their inputs, so a bug in
/// <see cref="ChangeSet.Of(IEnumerable{ChangeSpec}, int, string?)"/> does not hide or fake one elsewhere.
/// </summary>
[Collection(OracleCollection.Name)]
public sealed class ChangeSetConformanceTests(OracleFixture oracle)
{
    private const int MinimumSetCases = 3_000;
    private const int MinimumPairCases = 3_000;

    [Fact]
    public void Oracle_GeneratesAtLeastTenThousandCases()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(oracle.Summary);

        Assert.True(oracle.Cases.Count >= OracleFixture.MinimumCases, $"{oracle.Cases.Count} cases; {oracle.ReplayHint}");
        Assert.All(new[] { "set", "pair", "scenario", "rebase" }, kind => Assert.Contains(oracle.Cases, c => c.Kind == kind));
        Assert.All(oracle.Cases, c => Assert.NotEqual(0u, c.Seed));
    }

    [Fact]
    public void Of_BuildsTheSameSetsAsCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                var lineSep = c["lineSep"].ValueKind == JsonValueKind.Null ? null : c.String("lineSep");
                var set = ChangeSet.Of(OracleCase.Specs(c["specs"]), c.String("doc").Length, lineSep);
                report.Equal(c, "toJSON", c.String("json"), set.ToJson());
                report.Equal(c, "toString", c.String("desc"), set.ToString());
                report.Equal(c, "desc.toJSON", c.String("descJson"), set.Desc.ToJson());
                report.Equal(c, "length", c.Int("length"), set.Length);
                report.Equal(c, "newLength", c.Int("newLength"), set.NewLength);
                report.Equal(c, "empty", c["empty"].GetBoolean(), set.IsEmpty);
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void Apply_And_Invert_MatchCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                var set = ChangeSet.FromJson(c.String("json"));
                var doc = c.String("doc");
                var applied = set.Apply(doc);
                var inverted = set.Invert(doc);
                report.Equal(c, "apply", c.String("apply"), applied);
                report.Equal(c, "invert", c.String("invert"), inverted.ToJson());
                report.Equal(c, "invert.apply", c.String("invertApply"), inverted.Apply(applied));
                report.Equal(c, "invertedDesc", c.String("invertedDesc"), set.InvertedDesc.ToString());
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void MapPos_MatchesCodemirror_ForEveryAssocAndMode()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                var desc = ChangeDesc.FromJson(c.String("descJson"));
                var table = c["mapPos"];
                var results = table.GetProperty("results").EnumerateArray().ToList();
                var row = 0;
                foreach (var pos in table.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32()))
                {
                    var expected = results[row++].EnumerateArray().ToList();
                    var column = 0;
                    foreach (var assoc in new[] { -1, 1 })
                    {
                        foreach (var mode in new[] { MapMode.Simple, MapMode.TrackDel, MapMode.TrackBefore, MapMode.TrackAfter })
                        {
                            var want = expected[column++];
                            report.Equal(c, $"mapPos({pos}, {assoc}, {mode})",
                                want.ValueKind == JsonValueKind.Null ? null : want.GetInt32(), desc.MapPos(pos, assoc, mode));
                        }
                    }
                }
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void TouchesRange_MatchesCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                var desc = ChangeDesc.FromJson(c.String("descJson"));
                foreach (var entry in c["touches"].EnumerateArray())
                {
                    var from = entry[0].GetInt32();
                    int? to = entry[1].ValueKind == JsonValueKind.Null ? null : entry[1].GetInt32();
                    var expected = entry[2].ValueKind switch
                    {
                        JsonValueKind.String => "cover",
                        JsonValueKind.True => "true",
                        _ => "false",
                    };
                    var touches = desc.TouchesRange(from, to ?? from, out var covers);
                    report.Equal(c, $"touchesRange({from}, {to})", expected, covers ? "cover" : touches ? "true" : "false");
                    report.Equal(c, $"touchesRange({from}, {to}) as bool", expected != "false", desc.TouchesRange(from, to));
                }
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void Iteration_MatchesCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                var set = ChangeSet.FromJson(c.String("json"));
                foreach (var (field, individual) in new[] { ("iter", false), ("iterIndividual", true) })
                {
                    var changes = new List<string>();
                    set.IterChanges((fromA, toA, fromB, toB, text) => changes.Add($"{fromA} {toA} {fromB} {toB} {text}"), individual);
                    var ranges = new List<string>();
                    set.Desc.IterChangedRanges((fromA, toA, fromB, toB) => ranges.Add($"{fromA} {toA} {fromB} {toB}"), individual);
                    var expected = c[field];
                    report.Equal(c, $"{field} changes", Rows(expected.GetProperty("changes")), string.Join("|", changes));
                    report.Equal(c, $"{field} ranges", Rows(expected.GetProperty("ranges")), string.Join("|", ranges));
                }

                var gaps = new List<string>();
                set.IterGaps((posA, posB, length) => gaps.Add($"{posA} {posB} {length}"));
                report.Equal(c, "iterGaps", Rows(c["gaps"]), string.Join("|", gaps));
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void Json_RoundTrips_LikeCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("set"))
        {
            report.Case(c, c =>
            {
                report.Equal(c, "fromJSON(toJSON)", c.String("roundTrip"), ChangeSet.FromJson(c.String("json")).ToJson());
                report.Equal(c, "ChangeDesc.fromJSON", c.String("descRoundTrip"), ChangeDesc.FromJson(c.String("descJson")).ToString());
                using var parsed = JsonDocument.Parse(c.String("descJson"));
                report.Equal(c, "ChangeDesc.fromJSON(element)", c.String("descJson"), ChangeDesc.FromJson(parsed.RootElement).ToJson());
            });
        }

        report.AssertAllMatched(MinimumSetCases);
    }

    [Fact]
    public void Compose_MatchesCodemirror()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("pair"))
        {
            report.Case(c, c =>
            {
                var (a, b) = (Set(c, "a"), Set(c, "b"));
                var composed = a.Compose(b);
                report.Equal(c, "a.compose(b)", c.String("compose"), composed.ToJson());
                report.Equal(c, "a.desc.composeDesc(b.desc)", c.String("composeDesc"), a.Desc.ComposeDesc(b.Desc).ToString());
                report.Equal(c, "a.compose(b).apply", c.String("composeApply"), composed.Apply(c.String("doc")));
                report.Equal(c, "b.apply(a.apply)", c.String("composeApply"), b.Apply(a.Apply(c.String("doc"))));
            });
        }

        report.AssertAllMatched(MinimumPairCases);
    }

    [Fact]
    public void Map_MatchesCodemirror_InBothOrders()
    {
        var report = new ConformanceReport(oracle);
        foreach (var c in oracle.OfKind("pair"))
        {
            report.Case(c, c =>
            {
                var (a, other) = (Set(c, "a"), Set(c, "c"));
                var doc = c.String("doc");
                report.Equal(c, "a.map(c)", c.String("mapAC"), a.Map(other).ToJson());
                report.Equal(c, "a.map(c, true)", c.String("mapACBefore"), a.Map(other, before: true).ToJson());
                report.Equal(c, "c.map(a)", c.String("mapCA"), other.Map(a).ToJson());
                report.Equal(c, "c.map(a, true)", c.String("mapCABefore"), other.Map(a, before: true).ToJson());
                report.Equal(c, "a.desc.mapDesc(c.desc)", c.String("mapDescAC"), a.Desc.MapDesc(other.Desc).ToString());
                report.Equal(c, "a.desc.mapDesc(c.desc, true)", c.String("mapDescACBefore"), a.Desc.MapDesc(other.Desc, before: true).ToString());
                report.Equal(c, "a.mapDesc(c.desc)", c.String("setMapDescAC"), a.MapDesc(other.Desc).ToJson());
                report.Equal(c, "a.mapDesc(c.desc, true)", c.String("setMapDescACBefore"), a.MapDesc(other.Desc, before: true).ToJson());
                report.Equal(c, "a.compose(c.map(a)).apply", c.String("convergeAC"), a.Compose(other.Map(a)).Apply(doc));
                report.Equal(c, "c.compose(a.map(c, true)).apply", c.String("convergeCA"), other.Compose(a.Map(other, before: true)).Apply(doc));
            });
        }

        report.AssertAllMatched(MinimumPairCases);
    }

    private static ChangeSet Set(OracleCase c, string name)
    {
        var entry = c[name];
        var set = ChangeSet.FromJson(OracleCase.Text(entry.GetProperty("json")));
        var length = name == "b" ? Set(c, "a").NewLength : c.String("doc").Length;
        var built = ChangeSet.Of(OracleCase.Specs(entry.GetProperty("specs")), length);
        return built.ToJson() == set.ToJson()
            ? set
            : throw new InvalidOperationException($"ChangeSet.Of built {built.ToJson()} for {name}; codemirror built {set.ToJson()}.");
    }

    private static string Rows(JsonElement rows) =>
        string.Join("|", rows.EnumerateArray().Select(row => string.Join(" ", row.EnumerateArray().Select(v =>
            v.ValueKind == JsonValueKind.String ? OracleCase.Text(v) : v.GetRawText()))));
}
