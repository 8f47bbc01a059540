using System.Globalization;
using Newsroom.Core.Changes;
using Newsroom.Core.Comments;
using Newsroom.Core.Tests.Changes;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

/// <summary>
/// Inline anchors through random article updates, checked against a reference that knows nothing of
/// <see cref="ChangeDesc.MapPos"/>: every character of the body carries an identity through each update, and a
/// passage is untouched for as long as its characters still stand together, in order, with nothing between them.
/// Seed i is base + i; <c>NEWSROOM_PROPERTY_SEED</c> sets the base, and a failure names its seed.
/// </summary>
public sealed class InlineAnchorPropertyTests(ITestOutputHelper output)
{
    private const string SeedVariable = "NEWSROOM_PROPERTY_SEED";
    private const int Seeds = 500;

    private static readonly int _baseSeed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), CultureInfo.InvariantCulture, out var seed) ? seed : 90_210;

    [Fact]
    public void AnchorsThroughRandomUpdates_CoverTheirQuoteOrAreMarkedChanged_NoneLost_NoneChangedWhileUntouched()
    {
        int kept = 0, changed = 0, updates = 0;
        for (var i = 0; i < Seeds; i++)
        {
            var run = new Run(new Random(_baseSeed + i));
            try
            {
                run.Play();
            }
            catch (Exception e)
            {
                Assert.Fail($"Failed for seed {_baseSeed + i} ({SeedVariable}={_baseSeed} reruns the series): {e.Message}\n{string.Join("\n", run.Log)}");
            }

            kept += run.Tracked.Count(t => !t.Passage.IsChanged);
            changed += run.Tracked.Count(t => t.Passage.IsChanged);
            updates += run.Updates;
        }

        output.WriteLine($"{Seeds} seeds, {updates} updates: {kept} anchors kept their passage, {changed} were marked changed.");

        // Both outcomes happen often enough that the property says something about each.
        Assert.True(kept > (kept + changed) / 5, $"only {kept} of {kept + changed} anchors kept their passage");
        Assert.True(changed > (kept + changed) / 5, $"only {changed} of {kept + changed} anchors were marked changed");
    }

    private sealed class Run(Random random)
    {
        private string _body = "";
        private int[] _ids = [];
        private int _nextId;

        public List<string> Log { get; } = [];

        public List<Tracked> Tracked { get; } = [];

        public int Updates { get; private set; }

        public void Play()
        {
            _body = RandomChanges.Text(random, random.Next(8) == 0 ? random.Next(300, 1_500) : random.Next(10, 200));
            _ids = [.. Enumerable.Range(0, _body.Length)];
            _nextId = _body.Length;
            Log.Add($"v1 body {System.Text.Json.JsonSerializer.Serialize(_body)}");
            AddAnchors(version: 1);
            Updates = random.Next(1, 12);
            for (var version = 2; version <= Updates + 1; version++)
            {
                var change = NextChange();
                Log.Add($"v{version} change {change.ToJson()}");
                _ids = Apply(change);
                _body = change.Apply(_body);
                foreach (var tracked in Tracked)
                {
                    tracked.Passage = tracked.Passage.Follow(change);
                    tracked.Untouched &= FindRun(tracked.Ids) is not null;
                    Check(tracked, version);
                }

                AddAnchors(version);
            }
        }

        private void Check(Tracked tracked, int version)
        {
            var passage = tracked.Passage;
            Assert.Equal(tracked.Created, passage.Original);
            Assert.Equal(version, passage.Version);
            if (!tracked.Untouched)
            {
                Assert.True(passage.IsChanged, $"{tracked.Created} is still placed at {passage.Current} though its passage was touched");
                return;
            }

            Assert.False(passage.IsChanged, $"{tracked.Created} was marked changed though its passage was untouched");
            var at = FindRun(tracked.Ids)!.Value;
            Assert.Equal((version, at, at + tracked.Ids.Length), (passage.Current!.Version, passage.Current.From, passage.Current.To));
            Assert.Equal(tracked.Created.Quote, _body[passage.Current.From..passage.Current.To]);
            Assert.Equal(tracked.Created.Quote, passage.Current.Quote);
        }

        private ChangeSet NextChange() => random.Next(5) switch
        {
            // The article grain diffs two versions when the editor's own edits are gone.
            0 => TextDiff.Between(_body, RandomChanges.Set(random, _body.Length, random.Next(1, 6)).Apply(_body)),
            1 when _body.Length > 20 => ChangeSet.Of(new ChangeSpec(random.Next(_body.Length / 2), random.Next(_body.Length / 2, _body.Length), RandomChanges.Insert(random, random.Next(10))), _body.Length),
            _ => RandomChanges.Set(random, _body.Length, random.Next(1, 4)),
        };

        private void AddAnchors(int version)
        {
            for (var n = random.Next(1, 8); n > 0 && _body.Length > 0; n--)
            {
                var from = random.Next(_body.Length);
                var to = Math.Min(_body.Length, from + 1 + random.Next(random.Next(4) == 0 ? 200 : 20));
                var check = InlineAnchor.Check(version, from, to, _body[from..to], _body);
                if (check.Anchor is { } anchor)
                {
                    Log.Add($"v{version} anchor {anchor.From}..{anchor.To}");
                    Tracked.Add(new Tracked(anchor, _ids[from..to]));
                }
            }
        }

        /// <summary>The identities after the change: kept characters keep theirs, inserted ones get new ones.</summary>
        private int[] Apply(ChangeSet change)
        {
            var ids = new List<int>(change.NewLength);
            var pos = 0;
            change.IterChanges(
                (fromA, toA, fromB, toB, _) =>
                {
                    ids.AddRange(_ids[pos..fromA]);
                    for (var k = fromB; k < toB; k++)
                    {
                        ids.Add(_nextId++);
                    }

                    pos = toA;
                },
                individual: true);
            ids.AddRange(_ids[pos..]);
            Assert.Equal(change.NewLength, ids.Count);
            return [.. ids];
        }

        private int? FindRun(int[] run)
        {
            var at = Array.IndexOf(_ids, run[0]);
            return at >= 0 && at + run.Length <= _ids.Length && _ids.AsSpan(at, run.Length).SequenceEqual(run) ? at : null;
        }
    }

    private sealed class Tracked(InlineAnchor created, int[] ids)
    {
        public InlineAnchor Created { get; } = created;

        public int[] Ids { get; } = ids;

        public AnchoredPassage Passage { get; set; } = AnchoredPassage.Start(created);

        public bool Untouched { get; set; } = true;
    }
}
