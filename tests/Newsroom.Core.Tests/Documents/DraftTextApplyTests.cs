using Newsroom.Core.Changes;
using Newsroom.Core.Documents;
using Xunit;
using static Newsroom.Core.Tests.Documents.DraftTextSamples;

namespace Newsroom.Core.Tests.Documents;

/// <summary><see cref="DraftText.Apply"/>: a change set applied in place gives what <see cref="ChangeSet.Apply(string)"/> gives.</summary>
public sealed class DraftTextApplyTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 20)];

    [Fact]
    public void Apply_ChangeSetWithSeveralChanges_MatchesChangeSetApply()
    {
        const string Initial = "The quick brown fox jumps over the lazy dog.";
        var text = new DraftText(Initial);
        var changes = ChangeSet.Of(
            [new ChangeSpec(0, 3, "A"), new ChangeSpec(10, 15, "red"), new ChangeSpec(26, 26, "high "), new ChangeSpec(43, 44, "!")],
            Initial.Length);

        text.Apply(changes);

        Assert.Equal("A quick red fox jumps high over the lazy dog!", changes.Apply(Initial));
        Assert.Equal(changes.Apply(Initial), text.ToString());
        Assert.Equal(changes.NewLength, text.Length);
    }

    [Fact]
    public void Apply_InsertAtEndOfText_AppendsIt()
    {
        var text = new DraftText("draft");

        text.Apply(ChangeSet.Of(new ChangeSpec(5, null, " ends here"), 5));

        Assert.Equal("draft ends here", text.ToString());
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void Apply_ChangeSetForAnotherLength_ThrowsWithBothLengthsAndLeavesTextUnchanged(int changeSetLength)
    {
        var text = new DraftText("0123456789");
        var changes = ChangeSet.Of(new ChangeSpec(0, 1, "x"), changeSetLength);

        var error = Assert.Throws<ArgumentException>(() => text.Apply(changes));

        Assert.Contains($"length {changeSetLength}", error.Message, StringComparison.Ordinal);
        Assert.Contains("length 10", error.Message, StringComparison.Ordinal);
        Assert.Equal("0123456789", text.ToString());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Apply_RandomChangeSets_MatchesChangeSetApply(int seed)
    {
        var random = new Random(seed);
        var model = RandomString(random, random.Next(200));
        var text = new DraftText(model);

        for (var step = 0; step < 300; step++)
        {
            // Positions all refer to the document before the change set, in any order, and may overlap.
            var specs = new ChangeSpec[random.Next(1, 6)];
            for (var i = 0; i < specs.Length; i++)
            {
                var from = random.Next(model.Length + 1);
                var to = random.Next(3) == 0 ? from : random.Next(from, Math.Min(model.Length, from + 20) + 1);
                specs[i] = new ChangeSpec(from, to, RandomString(random, random.Next(random.Next(10) == 0 ? 100 : 6)));
            }

            var changes = ChangeSet.Of(specs, model.Length);
            text.Apply(changes);
            model = changes.Apply(model);

            if (text.ToString() != model)
            {
                Assert.Fail($"seed {seed}, step {step}: after applying [{string.Join(", ", specs)}] the text is\n"
                    + $"\"{text}\"\nbut should be\n\"{model}\"");
            }
        }
    }

    [Fact]
    public void Apply_AutomergePaperTraceFirst20000EditsAsChangeSets_MatchesStringSplice()
    {
        var (startContent, edits) = LoadAutomergeTrace(20_000);
        var text = new DraftText(startContent);
        var model = startContent;

        foreach (var (position, deleteCount, insert) in edits)
        {
            text.Apply(ChangeSet.Of(new ChangeSpec(position, position + deleteCount, insert), text.Length));
            model = Splice(model, position, position + deleteCount, insert);
        }

        Assert.Equal(model, text.ToString());
    }
}
