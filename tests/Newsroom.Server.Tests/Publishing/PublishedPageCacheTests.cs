using System.Net;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>
/// Reader pages are kept rendered until a story changes: a second read is served from the cache, a publish empties
/// it at once (well inside the cache's age limit), and a signed-in person's pages are never kept.
/// </summary>
public sealed class PublishedPageCacheTests(PublishingNewsroom shared) : IClassFixture<PublishingNewsroom>
{
    private static readonly TimeSpan _wellInsideTheAgeLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ArticlePage_ReadAgain_IsServedFromTheCache_AsItWasRendered()
    {
        await using var desk = await PublishingDesk.OpenAsync(shared.Server);
        var (_, slug) = await desk.PublishAsync("The count resumed at dawn.");
        using var reader = shared.Server.CreateClient();

        var first = await reader.GetAsync($"/articles/{slug}");
        var second = await KeptPages.ServedFromTheCache(reader, $"/articles/{slug}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Age.HasValue);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.False(second.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task ArticlePage_AfterAnUpdate_ShowsTheNewText_OnTheNextRead()
    {
        await using var desk = await PublishingDesk.OpenAsync(shared.Server);
        var (draftId, slug) = await desk.PublishAsync("The count resumed at dawn.");
        using var reader = shared.Server.CreateClient();
        await reader.GetStringAsync($"/articles/{slug}");
        await KeptPages.ServedFromTheCache(reader, $"/articles/{slug}");

        await desk.ReplaceBodyAsync(draftId, 1, "The count resumed at dawn.", "The count resumed at six in the morning.");
        await desk.Step(draftId, "update", "Update: the time the count resumed.", "update");

        await Eventually.Until(
            () => reader.GetStringAsync($"/articles/{slug}"),
            page => page.Contains("six in the morning", StringComparison.Ordinal),
            _wellInsideTheAgeLimit,
            "the article page to show the update");
    }

    [Fact]
    public async Task FrontPage_AfterAPublish_ListsTheNewStory()
    {
        await using var desk = await PublishingDesk.OpenAsync(shared.Server);
        using var reader = shared.Server.CreateClient();
        await reader.GetStringAsync("/");
        await KeptPages.ServedFromTheCache(reader, "/");

        var (_, slug) = await desk.PublishAsync("A new bridge opens.", headline: "Bridge opens to traffic");

        await Eventually.Until(
            () => reader.GetStringAsync("/"),
            page => page.Contains($"/articles/{slug}", StringComparison.Ordinal),
            _wellInsideTheAgeLimit,
            "the front page to list the new story");
    }

    [Fact]
    public async Task SignedInStaff_AreNeverServedTheReadersCachedPage()
    {
        await using var desk = await PublishingDesk.OpenAsync(shared.Server);
        var (_, slug) = await desk.PublishAsync("The count resumed at dawn.");
        using var reader = shared.Server.CreateClient();
        await reader.GetStringAsync($"/articles/{slug}");
        await KeptPages.ServedFromTheCache(reader, $"/articles/{slug}");
        using var eddie = await shared.Server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);

        var staffPage = await eddie.Http.GetAsync($"/articles/{slug}");

        Assert.False(staffPage.Headers.Age.HasValue);
        Assert.Contains("Sign out Eddie Editor", await staffPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
