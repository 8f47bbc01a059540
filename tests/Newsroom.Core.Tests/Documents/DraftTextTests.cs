using Newsroom.Core.Documents;
using Xunit;
using static Newsroom.Core.Tests.Documents.DraftTextSamples;

namespace Newsroom.Core.Tests.Documents;

public sealed class DraftTextTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 20)];

    [Fact]
    public void Constructor_WithoutText_IsEmpty()
    {
        var text = new DraftText();

        Assert.Equal(0, text.Length);
        Assert.Equal("", text.ToString());
        Assert.Equal("", text.Slice(0, 0));
    }

    [Fact]
    public void Constructor_WithText_ExposesEveryCharacter()
    {
        var text = new DraftText("héllo\nwörld");

        Assert.Equal(11, text.Length);
        Assert.Equal("héllo\nwörld", text.ToString());
        Assert.Equal('é', text[1]);
        Assert.Equal('d', text[10]);
    }

    [Fact]
    public void Replace_AtBothEnds_MatchesStringSplice()
    {
        var text = new DraftText("middle");

        text.Replace(0, 0, "<");
        text.Replace(text.Length, text.Length, ">");
        text.Replace(0, 1, "[[");
        text.Replace(text.Length - 1, text.Length, "]]");

        Assert.Equal("[[middle]]", text.ToString());
    }

    [Fact]
    public void Replace_IntoEmptyText_InsertsAll()
    {
        var text = new DraftText();

        text.Replace(0, 0, "first words");

        Assert.Equal("first words", text.ToString());
    }

    [Fact]
    public void Replace_WholeText_LeavesOnlyTheInsert()
    {
        var text = new DraftText("old content");

        text.Replace(0, text.Length, "new");
        Assert.Equal("new", text.ToString());

        text.Replace(0, 3, "");
        Assert.Equal(0, text.Length);
        Assert.Equal("", text.ToString());
    }

    [Fact]
    public void Replace_WithEmptyRangeAndEmptyInsert_ChangesNothing()
    {
        var text = new DraftText("steady");

        text.Replace(3, 3, "");

        Assert.Equal("steady", text.ToString());
    }

    [Fact]
    public void Replace_MovingTheGapBackAndForth_MatchesStringSplice()
    {
        var text = new DraftText("0123456789");
        var model = "0123456789";

        // Each edit lands on the other side of the previous one, so the gap crosses text every time.
        (int From, int To, string Insert)[] edits =
        [
            (9, 10, "X"), (0, 1, "Y"), (5, 5, "mid"), (1, 2, ""), (12, 12, "end"), (2, 7, "ab"),
            (0, 0, "start"), (text.Length, text.Length, ""), (4, 9, ""), (3, 3, "ZZ"),
        ];
        foreach (var (from, to, insert) in edits)
        {
            text.Replace(from, to, insert);
            model = Splice(model, from, to, insert);
            Assert.Equal(model, text.ToString());
        }
    }

    [Fact]
    public void Replace_StraddlingThePreviousEdit_MatchesStringSplice()
    {
        var text = new DraftText("abcdefghij");

        text.Replace(5, 5, "XY");
        text.Replace(3, 9, "-");

        Assert.Equal(Splice(Splice("abcdefghij", 5, 5, "XY"), 3, 9, "-"), text.ToString());
    }

    [Fact]
    public void Replace_TypingManyCharacters_GrowsAndKeepsText()
    {
        var text = new DraftText();
        var model = new System.Text.StringBuilder();

        for (var i = 0; i < 10_000; i++)
        {
            var c = (char)('a' + (i % 26));
            text.Replace(text.Length, text.Length, c.ToString());
            model.Append(c);
        }

        Assert.Equal(model.ToString(), text.ToString());
        Assert.True(text.Capacity < 4 * text.Length, $"capacity {text.Capacity} for length {text.Length}");
    }

    [Fact]
    public void Replace_LargeInsertBeyondDoubleCapacity_KeepsText()
    {
        var text = new DraftText("ab");
        var big = new string('x', 100_000);

        text.Replace(1, 1, big);

        Assert.Equal("a" + big + "b", text.ToString());
    }

    [Fact]
    public void Replace_DeletingMostOfALargeText_ShrinksAndKeepsText()
    {
        var initial = string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26))));
        var text = new DraftText(initial);

        text.Replace(10, 19_990, "");

        Assert.Equal(initial[..10] + initial[19_990..], text.ToString());
        Assert.True(text.Capacity <= 1_000, $"capacity {text.Capacity} for length {text.Length}");
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(4, 3)]
    [InlineData(0, 11)]
    [InlineData(11, 11)]
    [InlineData(int.MinValue, int.MaxValue)]
    public void Replace_WithInvalidRange_ThrowsWithTheNumbersAndLeavesTextUnchanged(int from, int to)
    {
        var text = new DraftText("0123456789");
        text.Replace(4, 6, "__"); // moves the gap inside, so validation is tested on a split buffer

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => text.Replace(from, to, "inserted"));

        Assert.Contains($"{from} to {to}", error.Message, StringComparison.Ordinal);
        Assert.Contains("length 10", error.Message, StringComparison.Ordinal);
        Assert.Equal("0123__6789", text.ToString());
        Assert.Equal(10, text.Length);
    }

    [Fact]
    public void Replace_WithNullInsert_ThrowsAndLeavesTextUnchanged()
    {
        var text = new DraftText("keep");

        Assert.Throws<ArgumentNullException>(() => text.Replace(0, 1, null!));

        Assert.Equal("keep", text.ToString());
    }

    [Fact]
    public void Indexer_AcrossTheGap_ReadsLogicalPositions()
    {
        var text = new DraftText("abcdef");
        text.Replace(3, 3, "XYZ");

        var read = string.Concat(Enumerable.Range(0, text.Length).Select(i => text[i]));

        Assert.Equal("abcXYZdef", read);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public void Indexer_OutOfRange_ThrowsWithThePosition(int index)
    {
        var text = new DraftText("abcdef");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => text[index]);

        Assert.Contains($"Position {index}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slice_BeforeAcrossAndAfterTheGap_MatchesSubstring()
    {
        var text = new DraftText("0123456789");
        text.Replace(5, 5, "abc");
        var model = "01234abc56789";

        for (var from = 0; from <= model.Length; from++)
        {
            for (var to = from; to <= model.Length; to++)
            {
                Assert.Equal(model[from..to], text.Slice(from, to));
            }
        }
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    [InlineData(0, 7)]
    public void Slice_WithInvalidRange_ThrowsWithTheNumbers(int from, int to)
    {
        var text = new DraftText("abcdef");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => text.Slice(from, to));

        Assert.Contains($"{from} to {to}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Replace_ThousandsOfRandomEdits_MatchesStringModel(int seed)
    {
        var random = new Random(seed);
        var text = new DraftText();
        var model = "";
        var cursor = 0;

        for (var step = 0; step < 3_000; step++)
        {
            var (from, to, insert) = RandomEdit(random, model.Length, ref cursor);
            text.Replace(from, to, insert);
            model = Splice(model, from, to, insert);

            if (text.Length != model.Length || text.ToString() != model)
            {
                Assert.Fail($"seed {seed}, step {step}: after Replace({from}, {to}, \"{insert}\") the text is\n"
                    + $"\"{text}\"\nbut should be\n\"{model}\"");
            }

            if (model.Length > 0)
            {
                var probe = random.Next(model.Length);
                Assert.True(model[probe] == text[probe], $"seed {seed}, step {step}: text[{probe}]");
                var sliceFrom = random.Next(model.Length + 1);
                var sliceTo = random.Next(sliceFrom, model.Length + 1);
                Assert.True(model[sliceFrom..sliceTo] == text.Slice(sliceFrom, sliceTo),
                    $"seed {seed}, step {step}: Slice({sliceFrom}, {sliceTo})");
            }
        }
    }

    [Fact]
    public void Replace_AutomergePaperTraceFirst20000Edits_MatchesStringSplice()
    {
        var (startContent, edits) = LoadAutomergeTrace(20_000);
        var text = new DraftText(startContent);
        var model = startContent;

        for (var i = 0; i < edits.Count; i++)
        {
            var (position, deleteCount, insert) = edits[i];
            text.Replace(position, position + deleteCount, insert);
            model = Splice(model, position, position + deleteCount, insert);

            if (i % 1_000 == 999)
            {
                Assert.True(model == text.ToString(), $"text differs from the string model after edit {i}");
            }
        }

        Assert.Equal(20_000, edits.Count);
        Assert.Equal(model, text.ToString());
    }
}
