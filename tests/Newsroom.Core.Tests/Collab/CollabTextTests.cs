using Newsroom.Core.Changes;
using Newsroom.Testing;
using Xunit;
using static Newsroom.Core.Tests.Documents.DraftTextSamples;

namespace Newsroom.Core.Tests.Collab;

/// <summary>
/// <see cref="CollabText"/>, the load generator's chunked text: applying change sets, replacing and searching give what
/// a plain string gives, across chunk boundaries, large pastes and deletions that empty whole chunks.
/// </summary>
public sealed class CollabTextTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomChangeSetsAndSearches_MatchAString(int seed)
    {
        var random = new Random(seed);
        var model = RandomString(random, random.Next(5_000));
        var text = new CollabText(model);

        for (var step = 0; step < 400; step++)
        {
            // Several changes at once, anywhere, now and then a paste of several chunks or a cut across several.
            var specs = new ChangeSpec[random.Next(1, 6)];
            for (var i = 0; i < specs.Length; i++)
            {
                var from = random.Next(model.Length + 1);
                var span = random.Next(20) == 0 ? 3_000 : 20;
                var to = random.Next(3) == 0 ? from : random.Next(from, Math.Min(model.Length, from + span) + 1);
                specs[i] = new ChangeSpec(from, to, RandomString(random, random.Next(random.Next(20) == 0 ? 4_000 : 6)));
            }

            var changes = ChangeSet.Of(specs, model.Length);
            text.Apply(changes);
            model = changes.Apply(model);
            Assert.Equal(model.Length, text.Length);
            if (text.ToString() != model)
            {
                Assert.Fail($"seed {seed}, step {step}: after [{string.Join(", ", specs)}] the text differs from the string");
            }

            // A needle cut from the text itself (so it is found, often across a boundary), and one from elsewhere.
            if (model.Length > 0)
            {
                var at = random.Next(model.Length);
                var needle = model.Substring(at, Math.Min(model.Length - at, random.Next(1, 12)));
                var start = random.Next(at + 1);
                Assert.Equal(model.IndexOf(needle, start, StringComparison.Ordinal), text.IndexOf(needle, start));
            }

            var other = RandomString(random, random.Next(1, 4));
            Assert.Equal(model.IndexOf(other, StringComparison.Ordinal), text.IndexOf(other));
        }
    }

    [Fact]
    public void AMatchAcrossAChunkBoundary_IsFound_AndSlicesCrossChunks()
    {
        // 1,024 characters to a chunk: the marker is cut in two by the first boundary.
        var text = new CollabText(new string('x', 1_020) + "[e0042] " + new string('y', 2_000));

        Assert.Equal(1_020, text.IndexOf("[e0042] "));
        Assert.Equal(1_020, text.IndexOf("[e0042] ", 1_020));
        Assert.Equal(-1, text.IndexOf("[e0042] ", 1_021));
        Assert.Equal("xx[e0042] yy", text.Slice(1_018, 1_030));
    }

    [Fact]
    public void DeletingEverything_ThenTyping_Works()
    {
        var text = new CollabText(new string('a', 5_000));

        text.Replace(0, 5_000, "");
        text.Replace(0, 0, "b");
        text.Replace(1, 1, "c");

        Assert.Equal("bc", text.ToString());
        Assert.Equal(2, text.Length);
    }

    [Fact]
    public void AChangeSetForAnotherLength_IsRefused_AndChangesNothing()
    {
        var text = new CollabText("0123456789");

        var error = Assert.Throws<ArgumentException>(() => text.Apply(ChangeSet.Of(new ChangeSpec(0, 1, "x"), 9)));

        Assert.Contains("length 9", error.Message, StringComparison.Ordinal);
        Assert.Equal("0123456789", text.ToString());
    }
}
