using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

public sealed class DraftsApiTests(SharedNewsroom newsroom)
{
    [Fact]
    public async Task CreateDraft_Returns201WithItsAddress_AndRecordsTheCreator()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        var response = await rosa.Http.PostAsJsonAsync("/api/drafts", new { headline = "Rates held" });
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var view = await rosa.ReadDraftAsync(id);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Matches("^[0-9a-f]{12}$", id);
        Assert.Equal($"/drafts/{id}", response.Headers.Location?.ToString());
        Assert.Equal("rosa", view.GetProperty("createdBy").GetString());
        Assert.Equal("Rates held", view.GetProperty("fields").GetProperty("headline").GetProperty("text").GetString());
        Assert.Equal(1, view.GetProperty("fields").GetProperty("headline").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OverlongHeadline_GetsProblemDetails()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        var response = await rosa.Http.PostAsJsonAsync("/api/drafts", new { headline = new string('h', 1001) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("at most 1000 characters long; got 1001", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moderator_MayNotCreateADraft()
    {
        using var mona = await newsroom.Server.SignInAsync("mona", "mona-demo");

        var response = await mona.Http.PostAsJsonAsync("/api/drafts", new { headline = "Nope" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
