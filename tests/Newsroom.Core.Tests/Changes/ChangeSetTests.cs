using System.Text;
using System.Text.Json;
using Newsroom.Core.Changes;
using Xunit;

namespace Newsroom.Core.Tests.Changes;

/// <summary>
/// Hand-written cases, most of them from codemirror's test-change.ts as of @codemirror/state 6.7
/// (which keeps insertions inside deleted ranges; older versions of that file expect them dropped).
/// </summary>
public sealed class ChangeSetTests
{
    private const string Doc10 = "0123456789";

    [Theory]
    [InlineData("5 0:2|1 2:0 4", "1 2:0 2 0:2")] // unrelated changes
    [InlineData("2 0:2 2|2 2:0 2", "4")] // insertion cancelled by deletion
    [InlineData("2 0:2 2|4 0:3 2", "2 0:5 2")] // adjacent insertions join
    [InlineData("2 5:0|1 1:0", "1 6:0")] // adjacent deletions join
    [InlineData("2 2:0 0:3|5:0", "4:0")] // a delete shadows several operations
    [InlineData("|0:8|8:0||", "")] // empty sets
    [InlineData("2 2:2 2:2 2|1 2:2 2:2 2:2 1", "1 6:6 1")] // multiple replaces join
    [InlineData("1 2:2 2:2 2:2 1|2 2:2 2:2 2", "1 6:6 1")]
    [InlineData("1 2:3 3:2 1|2 3:1 2", "1 5:3 1")]
    public void ComposeDesc_MatchesCodemirrorsTable(string sets, string expected)
    {
        var composed = sets.Split('|').Select(Spec.Desc).Aggregate((a, b) => a.ComposeDesc(b));

        Assert.Equal(expected, composed.ToString());
    }

    [Theory]
    [InlineData("2 0:2", "1 0:1")]
    [InlineData("2 0:2", "30 0:1")]
    [InlineData("2 2:0 0:3", "7:0")]
    public void ComposeDesc_Throws_ForInconsistentLengths(string a, string b) =>
        Assert.Throws<ArgumentException>(() => Spec.Desc(a).ComposeDesc(Spec.Desc(b)));

    [Theory]
    [InlineData("4 0:1", "0:3 4", false, "7 0:1")] // over an insertion
    [InlineData("4 0:1", "2:0 2", false, "2 0:1")] // over a deletion
    [InlineData("2 0:1 2", "2 0:1 2", false, "3 0:1 2")] // insertions are ordered
    [InlineData("2 0:1 2", "2 0:1 2", true, "2 0:1 3")]
    [InlineData("2 2:0", "2 1:2 1", false, "4 1:0")] // deletion over an overlapping replace
    [InlineData("2 2:0", "2 1:2 1", true, "4 1:0")]
    [InlineData("0:1 2:0 8", "6 1:0 0:5 3", false, "0:1 2:0 12")] // changes after
    [InlineData("5:0 2 3:0 2", "4 4:0 4", false, "6:0 2")] // deletions join
    [InlineData("2 0:1 2", "4:0", true, "0:1")] // insertions inside deletions are kept
    [InlineData("4 0:1 4", "2 4:0 2", false, "2 0:1 2")]
    [InlineData("2 2:2 2", "0:2 6", false, "4 2:2 2")] // replacements are kept
    [InlineData("2 2:2 2", "3:0 3", false, "1:2 2")]
    [InlineData("1 4:4 1", "3 0:2 3", false, "1 2:4 2 2:0 1")]
    [InlineData("1 4:4 1", "2 2:0 2", false, "1 2:4 1")]
    [InlineData("2 2:2 2", "3 2:0 1", false, "2 1:2 1")]
    [InlineData("2:2 2 2:2", "2 2:0 2", false, "2:2 2:2")] // replacements do not join
    [InlineData("2 2:0 2", "2 2:0 2", true, "4")] // duplicate deletion drops
    [InlineData("2 2:0 2", "2 2:0 2", false, "4")]
    [InlineData("1 1:2 1", "1 1:1 1", false, "2 0:2 1")] // overlapping replaces
    [InlineData("1 1:2 1", "1 1:1 1", true, "1 0:2 2")]
    [InlineData("1 1:2 2", "1 2:1 1", false, "1 0:2 2")]
    [InlineData("2 1:2 1", "1 2:1 1", false, "2 0:2 1")]
    [InlineData("2:1 1", "1 2:2", false, "1:1 2")]
    [InlineData("1 2:1", "2:2 1", false, "2 1:1")]
    public void MapDesc_MatchesCodemirrorsTable(string a, string b, bool before, string expected) =>
        Assert.Equal(expected, Spec.Desc(a).MapDesc(Spec.Desc(b), before).ToString());

    [Theory]
    [InlineData("4 0:2 4", "0 0|4 4|4 6 1|5 7|8 10")] // through an insertion
    [InlineData("4 4:0 4", "0 0|4 4|4 4 D|4 4 B|4 null A|5 4|5 null D|5 null B|5 null A|7 4|8 4|8 4 D|8 null B|8 4 A|9 5|12 8")]
    [InlineData("0:2 2 0:2 2 0:2", "0 0|0 2 1|1 3|2 4|2 6 1|3 7|4 8|4 10 1")]
    [InlineData("2:0 2 2:0 2 2:0", "0 0|1 0|2 0|3 1|4 2|5 2|6 2|7 3|8 4|9 4|10 4")]
    [InlineData("2 0:2 2:0 0:2 2 2:0 0:2", "0 0|2 2|2 4 1|3 4|4 4|4 6 1|5 7|6 8|7 8|8 8|8 10 1")]
    [InlineData("2 2:2 2", "2 2 1|2 2 -1|2 2 D|2 2 B|2 null A|3 2 -1|3 4 1|3 null D|3 null B|3 null A|4 4 1|4 4 -1|4 4 D|4 null B|4 4 A")]
    [InlineData("0:1 2:2 0:1", "0 0 -1|0 1 1|1 1 -1|1 3 1|2 3 -1|2 4 1")]
    [InlineData("2:2 2:2", "2 2 -1|2 2 1")]
    public void MapPos_MatchesCodemirrorsTable(string spec, string cases)
    {
        var desc = Spec.Desc(spec);
        foreach (var parts in cases.Split('|').Select(c => c.Split(' ')))
        {
            var (pos, expected) = (int.Parse(parts[0]), parts[1] == "null" ? (int?)null : int.Parse(parts[1]));
            var option = parts.Length > 2 ? parts[2] : "-1";
            var mode = option switch { "D" => MapMode.TrackDel, "A" => MapMode.TrackAfter, "B" => MapMode.TrackBefore, _ => MapMode.Simple };
            var assoc = mode == MapMode.Simple ? int.Parse(option) : -1;

            Assert.True(expected == desc.MapPos(pos, assoc, mode), $"{spec}: mapPos({pos}, {assoc}, {mode}) should be {parts[1]}, got {desc.MapPos(pos, assoc, mode)}");
        }
    }

    [Fact]
    public void Of_CreatesChangeSets()
    {
        Assert.Equal("5 0:2 5", ChangeSet.Of(new ChangeSpec(5, Insert: "hi"), 10).Desc.ToString());
        Assert.Equal("5 2:0 3", ChangeSet.Of(new ChangeSpec(5, 7), 10).Desc.ToString());
        Assert.Equal("3:0 1 1:0 0:4 1:0 2 0:3 2", ChangeSet.Of(
            [new(5, Insert: "hi"), new(5, Insert: "ok"), new(0, 3), new(4, 6), new(8, Insert: "boo")], 10).Desc.ToString());
    }

    [Fact]
    public void Apply_AppliesChangeSets()
    {
        Assert.Equal("01ok23456789", ChangeSet.Of(new ChangeSpec(2, Insert: "ok"), 10).Apply(Doc10));
        Assert.Equal("09", ChangeSet.Of(new ChangeSpec(1, 9), 10).Apply(Doc10));
        Assert.Equal("0hi189", ChangeSet.Of([new(2, 8), new(1, Insert: "hi")], 10).Apply(Doc10));
    }

    [Fact]
    public void Apply_AppliesComposedSets()
    {
        Assert.Equal("01234567D89", ChangeSet.Of(new ChangeSpec(8, Insert: "ABCD"), 10).Compose(ChangeSet.Of(new ChangeSpec(8, 11), 14)).Apply(Doc10));
        Assert.Equal("01hi!2367ok?89", ChangeSet.Of([new(2, Insert: "hi"), new(8, Insert: "ok")], 10)
            .Compose(ChangeSet.Of([new(4, Insert: "!"), new(6, 8), new(12, Insert: "?")], 14)).Apply(Doc10));
    }

    [Fact]
    public void Compose_ClipsInsertedStrings() =>
        Assert.Equal("01abef456789", ChangeSet.Of([new(2, Insert: "abc"), new(4, Insert: "def")], 10)
            .Compose(ChangeSet.Of(new ChangeSpec(4, 8), 16)).Apply(Doc10));

    [Fact]
    public void Apply_AppliesMappedSets()
    {
        var set0 = ChangeSet.Of([new(5, Insert: "hi"), new(8, 10)], 10);
        var set1 = ChangeSet.Of([new(10, Insert: "ok"), new(6, 7)], 10);

        Assert.Equal("01234hi57ok", set0.Compose(set1.Map(set0)).Apply(Doc10));
    }

    [Fact]
    public void Invert_UndoesTheSet()
    {
        var set0 = ChangeSet.Of([new(5, Insert: "hi"), new(8, 10)], 10);

        Assert.Equal(Doc10, set0.Invert(Doc10).Apply(set0.Apply(Doc10)));
    }

    [Fact]
    public void IterChanges_And_IterGaps_ReportTheRanges()
    {
        var set = ChangeSet.Of([new(4, Insert: "ok"), new(6, 8)], 10);
        var changes = new List<string>();
        var gaps = new List<string>();

        set.IterChanges((fromA, toA, fromB, toB, text) => changes.Add($"{fromA} {toA} {fromB} {toB} {text}"));
        set.IterGaps((posA, posB, length) => gaps.Add($"{posA} {posB} {length}"));

        Assert.Equal(["4 4 4 6 ok", "6 8 8 8 "], changes);
        Assert.Equal(["0 0 4", "4 6 2", "8 8 2"], gaps);
    }

    [Fact]
    public void IterChanges_JoinsAdjacentChanges_UnlessAskedForIndividualOnes()
    {
        var set = ChangeSet.Of([new(2, 4, "ab"), new(4, Insert: "cd")], 6);
        var joined = new List<string>();
        var individual = new List<string>();

        set.IterChanges((fromA, toA, fromB, toB, text) => joined.Add($"{fromA}-{toA}:{text}"));
        set.IterChanges((fromA, toA, fromB, toB, text) => individual.Add($"{fromA}-{toA}:{text}"), individual: true);

        Assert.Equal(["2-4:abcd"], joined);
        Assert.Equal(["2-4:ab", "4-4:cd"], individual);
    }

    [Fact]
    public void ToJson_WritesCodemirrorsFormat()
    {
        var set = ChangeSet.Of([new(2, 4, "a\nb"), new(6, 8)], 10);

        Assert.Equal("""[2,[2,"a","b"],2,[2],2]""", set.ToJson());
        Assert.Equal("[2,-1,2,3,2,-1,2,0,2,-1]", set.Desc.ToJson());
        Assert.Equal("2 2:3 2 2:0 2", set.ToString());
    }

    [Fact]
    public void WriteJson_WritesTheSameValueIntoALargerDocument()
    {
        var set = ChangeSet.Of(new ChangeSpec(1, 2, "é\"x"), 3);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("changes");
            set.WriteJson(writer);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"changes":[1,[1,"é\"x"],1]}""", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Fact]
    public void ToJson_EscapesLikeJsonStringify_AndKeepsLoneSurrogates()
    {
        var set = ChangeSet.Of(new ChangeSpec(0, Insert: "\ud83d|😀|\u0001\t\\\u2028"), 0);

        var json = set.ToJson();

        Assert.Equal("[[0,\"\\ud83d|😀|\\u0001\\t\\\\\u2028\"]]", json);
        Assert.Equal("\ud83d|😀|\u0001\t\\\u2028", ChangeSet.FromJson(json).Apply(""));
    }

    [Fact]
    public void FromJson_ReadsInsertsFromAJsonElement()
    {
        using var parsed = JsonDocument.Parse("""{"changes":[1,[0,"a","","b"],2]}""");

        var set = ChangeSet.FromJson(parsed.RootElement.GetProperty("changes"));

        Assert.Equal("xa\n\nbyz", set.Apply("xyz"));
    }

    [Fact]
    public void FromJson_NormalizesSectionsCodemirrorWouldHaveMerged()
    {
        Assert.True(ChangeSet.FromJson("[3,4]").IsEmpty);
        Assert.Equal("7", ChangeSet.FromJson("[3,4]").ToString());
        Assert.Equal("2", ChangeSet.FromJson("[0,[0],[0,\"\"],2]").ToString());
        Assert.Equal("[[0,\"ab\"],1]", ChangeSet.FromJson("[[0,\"a\"],[0,\"b\"],1]").ToJson());
        Assert.Equal("5:0", ChangeDesc.FromJson("[2,0,3,0]").ToString());
    }

    [Theory]
    [InlineData("a\r\nb\rc\nd", null, "a\nb\nc\nd")]
    [InlineData("a\r\r\nb", null, "a\n\nb")]
    [InlineData("a\r\nb|c", "|", "a\r\nb\nc")]
    [InlineData("a\r\nb", "\r\n", "a\nb")]
    public void Of_SplitsInsertedLines_LikeCodemirror(string insert, string? lineSeparator, string stored)
    {
        var set = ChangeSet.Of([new ChangeSpec(0, Insert: insert)], 0, lineSeparator);

        Assert.Equal(stored, set.Apply(""));
        Assert.Equal(stored.Length, set.NewLength);
    }

    [Fact]
    public void Of_SingleChange_MatchesTheGeneralPath()
    {
        foreach (var (spec, length) in new[] { (new ChangeSpec(0, Insert: "x"), 0), (new ChangeSpec(0, 3, "ab"), 3), (new ChangeSpec(2, 2), 5), (new ChangeSpec(5, Insert: "a\r\nb"), 5), (new ChangeSpec(1, 4), 9) })
        {
            Assert.Equal(ChangeSet.Of([spec], length).ToJson(), ChangeSet.Of(spec, length).ToJson());
        }
    }

    [Fact]
    public void Empty_HasNoChanges()
    {
        Assert.True(ChangeSet.Empty(0).IsEmpty);
        Assert.True(ChangeSet.Empty(5).IsEmpty);
        Assert.Equal("[5]", ChangeSet.Empty(5).ToJson());
        Assert.Equal("[]", ChangeSet.Empty(0).ToJson());
        Assert.Equal("abcde", ChangeSet.Empty(5).Apply("abcde"));
        Assert.True(ChangeSet.Of(new ChangeSpec(1, 1, ""), 3).IsEmpty);
        Assert.True(ChangeSet.Of([], 3).IsEmpty);
    }

    [Fact]
    public void TouchesRange_ReportsTouchingAndCoveringChanges()
    {
        var desc = Spec.Desc("2 3:1 2 0:1 2");

        Assert.False(desc.TouchesRange(0, 1));
        Assert.True(desc.TouchesRange(0, 2));
        Assert.True(desc.TouchesRange(3, 4, out var covers));
        Assert.True(covers);
        Assert.True(desc.TouchesRange(2, 5, out covers));
        Assert.False(covers);
        Assert.True(desc.TouchesRange(7));
        Assert.False(desc.TouchesRange(8, 9));
    }

    [Fact]
    public void MapPos_ReturnsNull_OnlyInTrackingModes()
    {
        var deletion = Spec.Desc("2 3:0 2");

        Assert.Equal(2, deletion.MapPos(3));
        Assert.Equal(2, deletion.MapPos(3, 1));
        Assert.Null(deletion.MapPos(3, mode: MapMode.TrackDel));
        Assert.Null(deletion.MapPos(5, mode: MapMode.TrackBefore));
        Assert.Null(deletion.MapPos(2, mode: MapMode.TrackAfter));
        Assert.Equal(2, deletion.MapPos(2, mode: MapMode.TrackBefore));
    }

    [Fact]
    public void Desc_SharesTheShapeButNotTheText()
    {
        var set = ChangeSet.Of(new ChangeSpec(1, 2, "xyz"), 4);

        var desc = set.Desc;

        Assert.IsNotType<ChangeSet>(desc);
        Assert.Equal(set.ToString(), desc.ToString());
        Assert.Equal((4, 6), (desc.Length, desc.NewLength));
        Assert.Equal("[1,-1,1,3,2,-1]", desc.ToJson());
    }
}
