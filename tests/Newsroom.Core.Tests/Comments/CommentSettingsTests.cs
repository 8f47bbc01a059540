using Newsroom.Core.Comments;
using Xunit;

namespace Newsroom.Core.Tests.Comments;

public sealed class CommentSettingsTests
{
    private static readonly DateTimeOffset _published = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_AreValid_AndMatchTheIssue()
    {
        var defaults = CommentSettings.Defaults;

        Assert.Empty(defaults.Validate());
        Assert.Equal(ModerationMode.PostModeration, defaults.Mode);
        Assert.True(defaults.Open);
        Assert.Null(defaults.CloseAfterDays);
        Assert.Equal(TimeSpan.FromMinutes(10), defaults.EditWindow);
        Assert.Equal(2, defaults.GuestApprovalsBeforeTrust);
    }

    [Theory]
    [InlineData(nameof(CommentSettings.MaxLength), 0, "Maximum length must be 1..10000; got 0.")]
    [InlineData(nameof(CommentSettings.MaxLength), 10_001, "Maximum length must be 1..10000; got 10001.")]
    [InlineData(nameof(CommentSettings.MinLength), 0, "Minimum length must be 1..1000; got 0.")]
    [InlineData(nameof(CommentSettings.CloseAfterDays), 0, "Close after days must be 1..3650; got 0.")]
    [InlineData(nameof(CommentSettings.LinksBeforeHold), -1, "Links before hold must be 0..100; got -1.")]
    [InlineData(nameof(CommentSettings.GuestApprovalsBeforeTrust), 101, "Guest approvals before trust must be 0..100; got 101.")]
    [InlineData(nameof(CommentSettings.RecentCommentsConsidered), 0, "Recent comments considered must be 1..50; got 0.")]
    public void Validate_OutOfRange_NamesTheFieldAndTheAllowedRange(string field, int value, string expected)
    {
        var settings = field switch
        {
            nameof(CommentSettings.MaxLength) => CommentSettings.Defaults with { MaxLength = value },
            nameof(CommentSettings.MinLength) => CommentSettings.Defaults with { MinLength = value },
            nameof(CommentSettings.CloseAfterDays) => CommentSettings.Defaults with { CloseAfterDays = value },
            nameof(CommentSettings.LinksBeforeHold) => CommentSettings.Defaults with { LinksBeforeHold = value },
            nameof(CommentSettings.GuestApprovalsBeforeTrust) => CommentSettings.Defaults with { GuestApprovalsBeforeTrust = value },
            _ => CommentSettings.Defaults with { RecentCommentsConsidered = value, RejectionsBeforePremoderation = 1 },
        };

        Assert.Equal([expected], settings.Validate());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 10_000)]
    [InlineData(1_000, 10_000)]
    public void Validate_LengthsAtTheEdgesOfTheirRanges_AreAccepted(int min, int max)
    {
        Assert.Empty((CommentSettings.Defaults with { MinLength = min, MaxLength = max }).Validate());
    }

    [Fact]
    public void Validate_MinimumAboveMaximum_SaysSoWithBothNumbers()
    {
        var problems = (CommentSettings.Defaults with { MinLength = 500, MaxLength = 100 }).Validate();

        Assert.Equal(["Minimum length (500) must not be more than maximum length (100)."], problems);
    }

    [Fact]
    public void Validate_EditWindowLongerThanADayOrNegative_IsRefusedInMinutes()
    {
        Assert.Equal(
            ["Edit window must be 0 to 1440 minutes; got 1441 minutes."],
            (CommentSettings.Defaults with { EditWindow = TimeSpan.FromMinutes(1_441) }).Validate());
        Assert.Single((CommentSettings.Defaults with { EditWindow = TimeSpan.FromMinutes(-1) }).Validate());
        Assert.Empty((CommentSettings.Defaults with { EditWindow = TimeSpan.Zero }).Validate());
    }

    [Fact]
    public void Validate_ReportsEveryProblem_NotJustTheFirst()
    {
        var settings = CommentSettings.Defaults with { MaxLength = 0, LinksBeforeHold = 500, Mode = (ModerationMode)7 };

        Assert.Equal(3, settings.Validate().Count);
    }

    [Fact]
    public void Overrides_None_LeaveTheDefaultsAsTheyAre()
    {
        var defaults = CommentSettings.Defaults with { CloseAfterDays = 14, MaxLength = 2_000 };

        Assert.Equal(defaults, CommentSettingsOverrides.None.ApplyTo(defaults));
    }

    [Fact]
    public void Overrides_SetFields_WinOverTheDefaults_AndTheRestFollowTheSite()
    {
        var defaults = CommentSettings.Defaults with { CloseAfterDays = 14, MaxLength = 2_000 };
        var overrides = new CommentSettingsOverrides { Mode = ModerationMode.PreModeration, EditWindow = TimeSpan.FromMinutes(5) };

        var merged = overrides.ApplyTo(defaults);

        Assert.Equal(ModerationMode.PreModeration, merged.Mode);
        Assert.Equal(TimeSpan.FromMinutes(5), merged.EditWindow);
        Assert.Equal(14, merged.CloseAfterDays);
        Assert.Equal(2_000, merged.MaxLength);
    }

    [Fact]
    public void Overrides_NeverCloseByAge_KeepsAnOldStoryOpen_WhenTheSiteClosesByAge()
    {
        var defaults = CommentSettings.Defaults with { CloseAfterDays = 14 };

        var merged = new CommentSettingsOverrides { NeverCloseByAge = true }.ApplyTo(defaults);
        var ownDays = new CommentSettingsOverrides { NeverCloseByAge = true, CloseAfterDays = 30 }.ApplyTo(defaults);

        Assert.Null(merged.CloseAfterDays);
        Assert.True(merged.IsOpen(_published, _published.AddYears(3)).IsOpen);
        Assert.Equal(30, ownDays.CloseAfterDays);
    }

    [Fact]
    public void Overrides_CanMakeTheMergeInvalid_AndValidateCatchesIt()
    {
        var merged = new CommentSettingsOverrides { MinLength = 5_000 }.ApplyTo(CommentSettings.Defaults);

        Assert.Contains(merged.Validate(), p => p.StartsWith("Minimum length", StringComparison.Ordinal));
    }

    [Fact]
    public void IsOpen_ClosedByHand_SaysSoWithoutADate()
    {
        var opening = (CommentSettings.Defaults with { Open = false }).IsOpen(_published, _published.AddMinutes(1));

        Assert.False(opening.IsOpen);
        Assert.Equal("Comments on this story are closed.", opening.Reason);
    }

    [Fact]
    public void IsOpen_NoAutoClose_StaysOpenForGood()
    {
        var opening = CommentSettings.Defaults.IsOpen(_published, _published.AddYears(10));

        Assert.True(opening.IsOpen);
        Assert.Null(opening.ClosesAt);
        Assert.Null(opening.Reason);
    }

    [Fact]
    public void IsOpen_AutoClose_IsOpenUntilTheLastTick_AndClosedFromTheDay()
    {
        var settings = CommentSettings.Defaults with { CloseAfterDays = 14 };
        var closesAt = _published.AddDays(14);

        var before = settings.IsOpen(_published, closesAt.AddTicks(-1));
        var at = settings.IsOpen(_published, closesAt);

        Assert.True(before.IsOpen);
        Assert.Equal(closesAt, before.ClosesAt);
        Assert.False(at.IsOpen);
        Assert.Equal(closesAt, at.ClosedAt);
        Assert.Equal("Comments on this story closed on 15 November 2026.", at.Reason);
    }

    [Fact]
    public void IsOpen_ReasonGivesTheUtcDay_WhateverThePublishedOffset()
    {
        var published = new DateTimeOffset(2026, 11, 1, 23, 30, 0, TimeSpan.FromHours(-5));
        var settings = CommentSettings.Defaults with { CloseAfterDays = 1 };

        var opening = settings.IsOpen(published, published.AddDays(2));

        Assert.Equal("Comments on this story closed on 3 November 2026.", opening.Reason);
    }
}
