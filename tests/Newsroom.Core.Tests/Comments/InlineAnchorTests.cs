using Newsroom.Core.Changes;
using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class InlineAnchorTests
{
    private const string Body = "Polls close at 8pm in Astana. Turnout was high.";
    private static readonly InlineAnchor _turnout = Anchor(Body, "Turnout was high");

    [Fact]
    public void Check_ASelectionOfThePublishedText_IsAnAnchor()
    {
        var check = InlineAnchor.Check(1, 30, 46, "Turnout was high", Body);

        Assert.True(check.Accepted);
        Assert.Equal(new InlineAnchor(1, 30, 46, "Turnout was high"), check.Anchor);
    }

    [Theory]
    [InlineData(0, 0, 5, "Polls", "Version 0 is not a published version; versions count from 1.")]
    [InlineData(1, -1, 5, "Polls", "The passage -1 to 5 lies outside the story's text, which is 47 characters long.")]
    [InlineData(1, 40, 48, "s high.", "The passage 40 to 48 lies outside the story's text, which is 47 characters long.")]
    [InlineData(1, 5, 5, "", "Select a passage of at least one character; 5 to 5 is empty.")]
    [InlineData(1, 9, 5, "", "Select a passage of at least one character; 9 to 5 is empty.")]
    [InlineData(1, 0, 5, "Pols", "The quoted text is not what version 1 says at 0 to 5; select the passage again.")]
    [InlineData(1, 0, 5, null, "The quoted text is not what version 1 says at 0 to 5; select the passage again.")]
    [InlineData(1, 5, 6, " ", "The selected passage is only blank space; select some words.")]
    public void Check_ABadSelection_IsRefusedWithTheProblem(int version, int from, int to, string? quote, string refusal)
    {
        var check = InlineAnchor.Check(version, from, to, quote, Body);

        Assert.False(check.Accepted);
        Assert.Null(check.Anchor);
        Assert.Equal(refusal, check.Refusal);
    }

    [Fact]
    public void Check_APassageLongerThanTheLimit_IsRefused()
    {
        var body = new string('a', 1_200);

        Assert.True(InlineAnchor.Check(1, 0, 1_000, new string('a', 1_000), body).Accepted);
        Assert.Equal(
            "A passage may be at most 1000 characters long; this one has 1001.",
            InlineAnchor.Check(1, 0, 1_001, new string('a', 1_001), body).Refusal);
        Assert.False(InlineAnchor.Check(1, 0, 11, new string('a', 11), body, maxLength: 10).Accepted);
    }

    [Fact]
    public void Check_APassageCuttingAnEmojiInTwo_IsRefused()
    {
        const string body = "Cheers 🎉 all";

        Assert.Equal("The passage 8 to 13 starts or ends inside a character.", InlineAnchor.Check(1, 8, 13, body[8..13], body).Refusal);
        Assert.Equal("The passage 0 to 8 starts or ends inside a character.", InlineAnchor.Check(1, 0, 8, body[..8], body).Refusal);
        Assert.True(InlineAnchor.Check(1, 7, 9, "🎉", body).Accepted);
    }

    [Theory]
    [InlineData(0, 0, "Update: ")]
    [InlineData(30, 30, "Officially, ")]
    [InlineData(0, 6, "Ballots")]
    [InlineData(29, 30, "")]
    public void MapThrough_ChangesBeforeThePassage_MoveIt(int from, int to, string insert)
    {
        var moved = Follow(_turnout, Body, from, to, insert, out var after);

        Assert.NotNull(moved);
        Assert.Equal(2, moved.Version);
        Assert.Equal("Turnout was high", after[moved.From..moved.To]);
        Assert.Equal(_turnout.Quote, moved.Quote);
    }

    [Theory]
    [InlineData(46, 46, ", officials said")]
    [InlineData(46, 47, "!")]
    [InlineData(47, 47, " More soon.")]
    public void MapThrough_ChangesAfterThePassage_LeaveItWhereItIs(int from, int to, string insert)
    {
        var moved = Follow(_turnout, Body, from, to, insert, out _);

        Assert.Equal(_turnout with { Version = 2 }, moved);
    }

    [Fact]
    public void MapThrough_TextAddedAtEitherEdge_StaysOutsideThePassage()
    {
        var change = ChangeSet.Of([new ChangeSpec(30, Insert: "["), new ChangeSpec(46, Insert: "]")], Body.Length);

        var moved = _turnout.MapThrough(change)!;

        Assert.Equal("Turnout was high", change.Apply(Body)[moved.From..moved.To]);
        Assert.Equal((31, 47), (moved.From, moved.To));
    }

    [Theory]
    [InlineData(38, 38, "very ")]
    [InlineData(31, 31, "x")]
    [InlineData(45, 45, "x")]
    [InlineData(38, 42, "")]
    [InlineData(38, 42, "LOW!")]
    [InlineData(30, 31, "t")]
    [InlineData(45, 46, "H")]
    [InlineData(25, 35, "")]
    [InlineData(40, 47, ".")]
    [InlineData(0, 47, "Everything rewritten.")]
    public void MapThrough_ChangesInsideOrAcrossThePassage_MarkItChanged(int from, int to, string insert)
    {
        Assert.Null(Follow(_turnout, Body, from, to, insert, out _));
    }

    [Fact]
    public void MapThrough_AChangeFromAnotherBody_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => _turnout.MapThrough(ChangeSet.Empty(20)));
    }

    [Fact]
    public void MapThrough_ADiffOfTwoVersions_FollowsThePassage()
    {
        const string next = "Polls closed at 8pm in Astana, the capital. Turnout was high, officials said.";

        var moved = _turnout.MapThrough(TextDiff.Between(Body, next))!;

        Assert.Equal("Turnout was high", next[moved.From..moved.To]);
    }

    [Fact]
    public void AnchoredPassage_OnceChanged_KeepsItsQuoteAndStaysChanged()
    {
        var passage = AnchoredPassage.Start(_turnout);
        var v2 = ChangeSet.Of(new ChangeSpec(0, Insert: "Update: "), Body.Length);
        var body2 = v2.Apply(Body);
        var v3 = ChangeSet.Of(new ChangeSpec(46, 50), body2.Length); // "high" → ""
        var body3 = v3.Apply(body2);
        var v4 = ChangeSet.Of(new ChangeSpec(46, Insert: "high"), body3.Length); // the words come back

        passage = passage.Follow(v2);
        Assert.False(passage.IsChanged);
        Assert.Equal((2, 38, 54), (passage.Version, passage.Current!.From, passage.Current.To));

        passage = passage.Follow(v3).Follow(v4);

        Assert.True(passage.IsChanged);
        Assert.Null(passage.Current);
        Assert.Equal(3, passage.ChangedInVersion);
        Assert.Equal(4, passage.Version);
        Assert.Equal(_turnout, passage.Original);
        Assert.Equal("The passage this refers to was changed.", AnchoredPassage.ChangedNotice);
    }

    [Fact]
    public void CountPerPassage_CountsCommentsOnEachPassageStillThere()
    {
        var polls = Anchor(Body, "Polls close");
        var change = ChangeSet.Of(new ChangeSpec(6, 11, "closed"), Body.Length);
        AnchoredPassage[] passages =
        [
            AnchoredPassage.Start(_turnout).Follow(change),
            AnchoredPassage.Start(_turnout).Follow(change),
            AnchoredPassage.Start(Anchor(Body, "Astana")).Follow(change),
            AnchoredPassage.Start(polls).Follow(change),
        ];

        Assert.Equal(
            [new PassageComments(23, 29, 1), new PassageComments(31, 47, 2)],
            AnchoredPassage.CountPerPassage(passages));
        Assert.Throws<ArgumentException>(() => AnchoredPassage.CountPerPassage([passages[0], AnchoredPassage.Start(polls)]));
    }

    [Fact]
    public void Overlaps_IsTrueForPassagesSharingACharacterInOneVersion()
    {
        var turnoutWas = Anchor(Body, "Turnout was");
        var high = Anchor(Body, "high");
        var wasHigh = Anchor(Body, "was high");

        Assert.True(turnoutWas.Overlaps(wasHigh));
        Assert.True(wasHigh.Overlaps(high));
        Assert.False(turnoutWas.Overlaps(high));
        Assert.False(wasHigh.Overlaps(high with { Version = 2 }));
    }

    private static InlineAnchor Anchor(string body, string quote)
    {
        var from = body.IndexOf(quote, StringComparison.Ordinal);
        return InlineAnchor.Check(1, from, from + quote.Length, quote, body).Anchor!;
    }

    private static InlineAnchor? Follow(InlineAnchor anchor, string body, int from, int to, string insert, out string after)
    {
        var change = ChangeSet.Of(new ChangeSpec(from, to, insert), body.Length);
        after = change.Apply(body);
        return anchor.MapThrough(change);
    }
}
