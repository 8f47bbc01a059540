using Newsroom.Core.Notifications;
using Xunit;

namespace Newsroom.Core.Tests.Notifications;

public sealed class NotificationTests
{
    private static readonly NotificationActor _eddie = new("staff:eddie", "Eddie Editor");
    private static readonly DateTimeOffset _at = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/drafts/abc")]
    [InlineData("/articles/night-buses#comment-12")]
    [InlineData("/")]
    public void SiteRelativeLink_IsAccepted(string link) =>
        Assert.Equal(link, Make(link: link).Link);

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\\evil.example")]
    [InlineData("drafts/abc")]
    [InlineData("/drafts/a b")]
    public void LinkToAnotherSiteOrMalformed_IsRefused(string link)
    {
        var refused = Assert.Throws<NotificationFormatException>(() => Make(link: link));

        Assert.StartsWith("A notification's link", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartsBeyondTheirLimits_AreRefused_NamingThePart()
    {
        Assert.Equal(
            "A notification's title may be at most 200 characters long; got 201.",
            Assert.Throws<NotificationFormatException>(() => Make(title: new string('t', 201))).Message);
        Assert.Equal(
            "A notification's excerpt may be at most 500 characters long; got 501.",
            Assert.Throws<NotificationFormatException>(() => Make(excerpt: new string('e', 501))).Message);
        Assert.Equal(
            "A notification's event id is required.",
            Assert.Throws<NotificationFormatException>(() => Make(eventId: " ")).Message);
        Assert.Equal(
            "A notification's event id may hold only printable ASCII without spaces; found U+0020.",
            Assert.Throws<NotificationFormatException>(() => Make(eventId: "a b")).Message);
        Assert.Equal(
            "A notification's title may not hold control characters; found U+000A.",
            Assert.Throws<NotificationFormatException>(() => Make(title: "two\nlines")).Message);
        Assert.Equal(
            "Notification kind 99 is unknown.",
            Assert.Throws<NotificationFormatException>(() => Make(kind: (NotificationKind)99)).Message);
    }

    [Fact]
    public void UserWrittenText_IsKeptAsText()
    {
        var notification = Make(title: "<img src=x onerror=alert(1)>", excerpt: "<script>alert(1)</script>\nsecond line");

        Assert.Equal("<img src=x onerror=alert(1)>", notification.Title);
        Assert.Equal("<script>alert(1)</script>\nsecond line", notification.Excerpt);
    }

    [Fact]
    public void Fit_FoldsWhitespaceDropsControlsAndCutsWithAnEllipsis()
    {
        Assert.Equal("a b c", Notification.Fit("  a \n\t b\u0007  c ", 10));
        Assert.Equal("abcd…", Notification.Fit("abcdefgh", 5));
        Assert.Equal("abc…", Notification.Fit("abc\U0001F600def", 5));
    }

    [Fact]
    public void InboxKeys_ForStaffAreLowerCaseUserNames_AndTheirChannelIsTheUserChannel()
    {
        Assert.Equal("staff:rosa", InboxKey.Staff("Rosa"));
        Assert.Equal("user:rosa", InboxKey.StaffChannel("ROSA").ToString());
        Assert.Equal("staff:rosa", InboxKey.OfUserChannel("rosa"));
        Assert.True(InboxKey.IsValid("guest:" + new string('a', 64)));
        Assert.False(InboxKey.IsValid("staff:Rosa"));
        Assert.False(InboxKey.IsValid("guest:abc"));
        Assert.Throws<NotificationFormatException>(() => InboxKey.Staff("rosa:admin"));
        Assert.Throws<NotificationFormatException>(() => InboxKey.Guest("not-a-hash"));
    }

    private static Notification Make(
        string eventId = "draft-assigned:abc:1", NotificationKind kind = NotificationKind.DraftAssigned, string title = "Assigned to you",
        string excerpt = "", string link = "/drafts/abc") =>
        new(eventId, kind, title, excerpt, link, _eddie, _at);
}
