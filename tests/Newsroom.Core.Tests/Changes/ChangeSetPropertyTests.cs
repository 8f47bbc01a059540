using System.Globalization;
using Newsroom.Core.Changes;
using Xunit;

namespace Newsroom.Core.Tests.Changes;

/// <summary>
/// The laws codemirror's test-change.ts checks, over seeded random changes. Iteration i uses seed
/// base + i; a failure names its seed and inputs, and <c>NEWSROOM_PROPERTY_SEED</c> sets the base.
/// </summary>
public sealed class ChangeSetPropertyTests
{
    private const string SeedVariable = "NEWSROOM_PROPERTY_SEED";
    private const int Iterations = 3_000;

    private static readonly int _baseSeed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var seed) ? seed : 90_210;

    [Fact]
    public void Compose_IsAssociative() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var b = Next(random, a, log);
        var c = Next(random, b, log);

        var left = a.Compose(b).Compose(c);
        var right = a.Compose(b.Compose(c));

        // Only the result is associative: the two sides may split sections differently.
        Assert.Equal(left.Apply(doc), right.Apply(doc));
        Assert.Equal((left.Length, left.NewLength), (right.Length, right.NewLength));
    });

    [Fact]
    public void Compose_MatchesApplyingOneAfterTheOther() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var b = Next(random, a, log);

        Assert.Equal(b.Apply(a.Apply(doc)), a.Compose(b).Apply(doc));
        Assert.Equal(a.Desc.ComposeDesc(b.Desc).ToString(), a.Compose(b).ToString());
    });

    [Fact]
    public void Map_Converges_InBothOrders() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var b = Log(log, "b", RandomChanges.Set(random, doc.Length, random.Next(6) + 1));

        Assert.Equal(a.Compose(b.Map(a)).Apply(doc), b.Compose(a.Map(b, before: true)).Apply(doc));
        Assert.Equal(b.Compose(a.Map(b)).Apply(doc), a.Compose(b.Map(a, before: true)).Apply(doc));
    });

    [Fact]
    public void Map_ConvergesThroughSeveralChanges() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var b = Next(random, a, log);
        var c = Log(log, "c", RandomChanges.Set(random, doc.Length, random.Next(6) + 1));

        var cOverA = c.Map(a);
        var cOverAb = cOverA.Map(b);
        var aOverC = a.Map(c, before: true);
        var bOverCa = b.Map(cOverA, before: true);

        Assert.Equal(a.Compose(b).Compose(cOverAb).Apply(doc), c.Compose(aOverC).Compose(bOverCa).Apply(doc));
    });

    [Fact]
    public void MapDesc_AgreesWithMapOfTheSet() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var b = Log(log, "b", RandomChanges.Set(random, doc.Length, random.Next(6) + 1));

        foreach (var before in new[] { false, true })
        {
            Assert.Equal(a.Map(b, before).ToString(), a.Desc.MapDesc(b.Desc, before).ToString());
            Assert.Equal(a.Map(b, before).ToJson(), a.MapDesc(b.Desc, before).ToJson());
        }
    });

    [Fact]
    public void Invert_RoundTrips() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);
        var inverted = a.Invert(doc);

        Assert.Equal(doc, inverted.Apply(a.Apply(doc)));
        Assert.Equal(a.InvertedDesc.ToString(), inverted.ToString());
        Assert.Equal(a.ToJson(), inverted.Invert(a.Apply(doc)).ToJson());
    });

    [Fact]
    public void Json_RoundTrips() => ForAll((random, log) =>
    {
        var (doc, a) = Start(random, log);

        var back = ChangeSet.FromJson(a.ToJson());

        Assert.Equal(a.ToJson(), back.ToJson());
        Assert.Equal(a.ToString(), back.ToString());
        Assert.Equal(a.Apply(doc), back.Apply(doc));
        Assert.Equal(a.Desc.ToJson(), ChangeDesc.FromJson(a.Desc.ToJson()).ToJson());
    });

    [Fact]
    public void MapPos_MovesUnchangedTextWithItsGap() => ForAll((random, log) =>
    {
        var (_, a) = Start(random, log);

        a.IterGaps((posA, posB, length) =>
        {
            for (var offset = 1; offset < length; offset++)
            {
                foreach (var mode in Enum.GetValues<MapMode>())
                {
                    Assert.Equal(posB + offset, a.MapPos(posA + offset, random.Next(2) * 2 - 1, mode));
                }
            }
        });
        Assert.Equal(a.NewLength, a.MapPos(a.Length, 1));
    });

    [Fact]
    public void RandomSequencesOfChanges_ComposeAndInvert()
    {
        const string Start = "0123456789";
        ForAll(
            (random, log) =>
            {
                var doc = Start;
                var composed = ChangeSet.Empty(Start.Length);
                var inverses = new List<ChangeSet>();
                for (var i = 0; i < 30; i++)
                {
                    var change = Log(log, $"step {i}", ChangeSet.Of(RandomChanges.Change(random, doc.Length), doc.Length));
                    inverses.Add(change.Invert(doc));
                    composed = composed.Compose(change);
                    doc = change.Apply(doc);
                }

                Assert.Equal(doc, composed.Apply(Start));
                Assert.Equal(Start, composed.Invert(Start).Apply(doc));
                for (var i = inverses.Count - 1; i >= 0; i--)
                {
                    doc = inverses[i].Apply(doc);
                }

                Assert.Equal(Start, doc);
            },
            iterations: 300);
    }

    private static void ForAll(Action<Random, List<string>> property, int iterations = Iterations)
    {
        for (var i = 0; i < iterations; i++)
        {
            var seed = _baseSeed + i;
            var log = new List<string>();
            try
            {
                property(new Random(seed), log);
            }
            catch (Exception e)
            {
                Assert.Fail($"Failed for seed {seed} (iteration {i}; {SeedVariable}={_baseSeed} reruns the series): {e.Message}\n{string.Join("\n", log)}");
            }
        }
    }

    private static (string Doc, ChangeSet A) Start(Random random, List<string> log)
    {
        // Mostly short documents, where changes collide, and some longer ones.
        var doc = RandomChanges.Text(random, random.Next(8) == 0 ? random.Next(200) : random.Next(20));
        log.Add($"doc = {ChangeSet.Of(new ChangeSpec(0, Insert: doc), 0).ToJson()}");
        return (doc, Log(log, "a", RandomChanges.Set(random, doc.Length, random.Next(5) + 1)));
    }

    private static ChangeSet Next(Random random, ChangeSet previous, List<string> log) =>
        Log(log, $"after {log.Count - 1}", RandomChanges.Set(random, previous.NewLength, random.Next(6)));

    private static ChangeSet Log(List<string> log, string name, ChangeSet set)
    {
        log.Add($"{name} = {set.ToJson()}");
        return set;
    }
}
