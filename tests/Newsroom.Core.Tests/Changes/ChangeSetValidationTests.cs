using Newsroom.Core.Changes;
using Xunit;

namespace Newsroom.Core.Tests.Changes;

/// <summary>Bad input gets a specific exception whose message carries the numbers, and leaves the objects involved as they were.</summary>
public sealed class ChangeSetValidationTests
{
    [Theory]
    [InlineData("", "Invalid JSON for a change set:")]
    [InlineData("[1,", "Invalid JSON for a change set:")]
    [InlineData("{}", "Invalid JSON representation of ChangeSet: expected an array, got an object.")]
    [InlineData("5", "Invalid JSON representation of ChangeSet: expected an array, got 5.")]
    [InlineData("[\"a\"]", "Invalid JSON representation of ChangeSet: element 0 is the string \"a\"; expected a kept length or [length, ...inserted lines].")]
    [InlineData("[null]", "Invalid JSON representation of ChangeSet: element 0 is null; expected a kept length or [length, ...inserted lines].")]
    [InlineData("[3,-1]", "Invalid JSON representation of ChangeSet: element 1 is -1; lengths must not be negative.")]
    [InlineData("[1.5]", "Invalid JSON representation of ChangeSet: element 0 is 1.5, which is not an integer in the Int32 range.")]
    [InlineData("[1e400]", "Invalid JSON representation of ChangeSet: element 0 is 1e400, which is not an integer in the Int32 range.")]
    [InlineData("[[]]", "Invalid JSON representation of ChangeSet: element 0 is an array of 0; expected a kept length or [length, ...inserted lines].")]
    [InlineData("[[[2]]]", "Invalid JSON representation of ChangeSet: element 0[0] is an array of 1; expected an integer.")]
    [InlineData("[[\"a\"]]", "Invalid JSON representation of ChangeSet: element 0[0] is the string \"a\"; expected an integer.")]
    [InlineData("[1,[2,3]]", "Invalid JSON representation of ChangeSet: element 1[1] is 3; inserted lines must be strings.")]
    [InlineData("[[2,\"a\",[\"b\"]]]", "Invalid JSON representation of ChangeSet: element 0[2] is an array of 1; inserted lines must be strings.")]
    [InlineData("[2147483647,1]", "Invalid JSON representation of ChangeSet: the old document length 2147483648 exceeds 2147483647.")]
    [InlineData("[[0,\"a\"],2147483647]", "Invalid JSON representation of ChangeSet: the new document length 2147483648 exceeds 2147483647.")]
    public void ChangeSetFromJson_RejectsMalformedInput(string json, string message)
    {
        var error = Assert.Throws<ChangeSetFormatException>(() => ChangeSet.FromJson(json));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData("{}", "Invalid JSON representation of ChangeDesc: expected an array of section pairs, got an object.")]
    [InlineData("[1]", "Invalid JSON representation of ChangeDesc: expected an even number of integers (length, inserted length pairs), got 1.")]
    [InlineData("[1,-2]", "Invalid JSON representation of ChangeDesc: section 0 is (1, -2); lengths must be >= 0 and inserted lengths >= -1 (kept).")]
    [InlineData("[-1,-1]", "Invalid JSON representation of ChangeDesc: section 0 is (-1, -1); lengths must be >= 0 and inserted lengths >= -1 (kept).")]
    [InlineData("[1,\"a\"]", "Invalid JSON representation of ChangeDesc: item 1 (an inserted length) is the string \"a\"; expected an integer.")]
    [InlineData("[[1],-1]", "Invalid JSON representation of ChangeDesc: item 0 (a length) is an array of 1; expected an integer.")]
    public void ChangeDescFromJson_RejectsMalformedInput(string json, string message)
    {
        var error = Assert.Throws<ChangeSetFormatException>(() => ChangeDesc.FromJson(json));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FromJson_WrapsJsonSyntaxErrors()
    {
        var error = Assert.Throws<ChangeSetFormatException>(() => ChangeSet.FromJson("[1,]"));

        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Theory]
    [InlineData(12, 15, 9)]
    [InlineData(-1, 2, 9)]
    [InlineData(5, 3, 9)]
    [InlineData(10, null, 9)]
    public void Of_RejectsRangesOutsideTheDocument(int from, int? to, int length)
    {
        var single = Assert.Throws<ArgumentOutOfRangeException>(() => ChangeSet.Of(new ChangeSpec(from, to, "x"), length));
        var many = Assert.Throws<ArgumentOutOfRangeException>(() => ChangeSet.Of([new(0, Insert: "ok"), new(from, to, "x")], length));

        var expected = $"Invalid change range {from} to {to ?? from} (in doc of length {length}).";
        Assert.StartsWith(expected, single.Message);
        Assert.StartsWith(expected, many.Message);
        Assert.Equal("change", single.ParamName);
    }

    [Fact]
    public void Of_And_Empty_RejectNegativeLengths()
    {
        Assert.StartsWith("Document length -1 is negative.", Assert.Throws<ArgumentOutOfRangeException>(() => ChangeSet.Of(new ChangeSpec(0), -1)).Message);
        Assert.StartsWith("Document length -3 is negative.", Assert.Throws<ArgumentOutOfRangeException>(() => ChangeSet.Of([], -3)).Message);
        Assert.StartsWith("Document length -2 is negative.", Assert.Throws<ArgumentOutOfRangeException>(() => ChangeSet.Empty(-2)).Message);
    }

    [Fact]
    public void Apply_And_Invert_RejectADocumentOfTheWrongLength()
    {
        var set = ChangeSet.Of(new ChangeSpec(2, 4, "x"), 9);
        var json = set.ToJson();

        var apply = Assert.Throws<ArgumentException>(() => set.Apply("abcd"));
        var invert = Assert.Throws<ArgumentException>(() => set.Invert("abcdefghijk"));

        Assert.StartsWith("Applying change set to a document with the wrong length (document has 4, change set expects 9).", apply.Message);
        Assert.StartsWith("Inverting change set against a document with the wrong length (document has 11, change set expects 9).", invert.Message);
        Assert.Equal(json, set.ToJson());
        Assert.Equal("abxefghi", set.Apply("abcdefghi")[..8]);
    }

    [Fact]
    public void Compose_RejectsASetThatDoesNotStartWhereThisOneEnds()
    {
        var first = ChangeSet.Of(new ChangeSpec(0, Insert: "ab"), 3);
        var second = ChangeSet.Of(new ChangeSpec(0, 1), 3);
        var (firstJson, secondJson) = (first.ToJson(), second.ToJson());

        var error = Assert.Throws<ArgumentException>(() => first.Compose(second));

        Assert.StartsWith("Cannot compose: the first change produces a document of length 5, the second applies to length 3.", error.Message);
        Assert.Throws<ArgumentException>(() => first.Desc.ComposeDesc(second.Desc));
        Assert.Equal((firstJson, secondJson), (first.ToJson(), second.ToJson()));
    }

    [Fact]
    public void Compose_RejectsMismatchedLengths_EvenWhenOneSideIsEmpty()
    {
        // Codemirror returns the other set unchecked when one side is empty; the port checks first.
        var error = Assert.Throws<ArgumentException>(() => ChangeSet.Empty(3).Compose(ChangeSet.Of(new ChangeSpec(0, 1), 5)));

        Assert.StartsWith("Cannot compose: the first change produces a document of length 3, the second applies to length 5.", error.Message);
    }

    [Fact]
    public void Map_RejectsChangesToAnotherDocument()
    {
        var set = ChangeSet.Of(new ChangeSpec(1, Insert: "x"), 4);
        var other = ChangeSet.Of(new ChangeSpec(0, 2), 6);
        var json = set.ToJson();

        var map = Assert.Throws<ArgumentException>(() => set.Map(other));

        Assert.StartsWith("Cannot map: this change applies to a document of length 4, the other to length 6.", map.Message);
        Assert.Throws<ArgumentException>(() => set.Map(ChangeSet.Empty(5), before: true));
        Assert.Throws<ArgumentException>(() => set.MapDesc(other.Desc));
        Assert.Throws<ArgumentException>(() => set.Desc.MapDesc(other.Desc));
        Assert.Equal(json, set.ToJson());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10)]
    public void MapPos_RejectsPositionsOutsideTheDocument(int pos)
    {
        var desc = Spec.Desc("4 0:2 5");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => desc.MapPos(pos));

        Assert.StartsWith($"Position {pos} is out of range for changeset of length 9.", error.Message);
        Assert.Equal("4 0:2 5", desc.ToString());
    }

    [Fact]
    public void MapPos_RejectsUnknownModes() =>
        Assert.StartsWith("Unknown map mode 7.", Assert.Throws<ArgumentOutOfRangeException>(() => Spec.Desc("3").MapPos(1, mode: (MapMode)7)).Message);

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(2, 10)]
    public void TouchesRange_RejectsRangesOutsideTheDocument(int from, int to)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Spec.Desc("4 0:2 5").TouchesRange(from, to));

        Assert.StartsWith($"Invalid range {from} to {to} (in change of length 9).", error.Message);
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        var set = ChangeSet.Empty(1);

        Assert.Throws<ArgumentNullException>(() => set.Apply(null!));
        Assert.Throws<ArgumentNullException>(() => set.Compose(null!));
        Assert.Throws<ArgumentNullException>(() => set.Map(null!));
        Assert.Throws<ArgumentNullException>(() => ChangeSet.FromJson((string)null!));
        Assert.Throws<ArgumentNullException>(() => ChangeSet.Of(null!, 1));
    }
}
