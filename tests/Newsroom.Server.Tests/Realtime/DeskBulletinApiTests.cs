using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Realtime;

public sealed class DeskBulletinApiTests(SharedNewsroom newsroom)
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyBulletin_GetsProblemDetails_AndStoresNothing(string text)
    {
        var desk = SharedNewsroom.UniqueName("empty");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await Post(rosa, desk, "Kept bulletin");

        var response = await rosa.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text });

        await AssertProblem(response, "1 to 500 characters");
        await AssertOnlyBulletin(rosa, desk, "Kept bulletin");
    }

    [Fact]
    public async Task OverlongBulletin_GetsProblemDetails_AndStoresNothing()
    {
        var desk = SharedNewsroom.UniqueName("long");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        await Post(rosa, desk, "Kept bulletin");

        var response = await rosa.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text = new string('x', 501) });

        await AssertProblem(response, "got 501");
        await AssertOnlyBulletin(rosa, desk, "Kept bulletin");
    }

    [Fact]
    public async Task MalformedJson_IsRejected()
    {
        var desk = SharedNewsroom.UniqueName("json");
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        var response = await rosa.Http.PostAsync(
            $"/api/desks/{desk}/bulletins", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));
        var snapshot = await rosa.Http.GetFromJsonAsync<JsonElement>($"/api/desks/{desk}/bulletins");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task InvalidDeskName_GetsProblemDetails()
    {
        using var rosa = await newsroom.Server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);

        var response = await rosa.Http.GetAsync("/api/desks/bad%20desk/bulletins");

        await AssertProblem(response, "letters, digits");
    }

    private static async Task Post(StaffSession session, string desk, string text) =>
        Assert.Equal(HttpStatusCode.Created, (await session.Http.PostAsJsonAsync($"/api/desks/{desk}/bulletins", new { text })).StatusCode);

    private static async Task AssertProblem(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task AssertOnlyBulletin(StaffSession session, string desk, string text)
    {
        var snapshot = await session.Http.GetFromJsonAsync<JsonElement>($"/api/desks/{desk}/bulletins");
        Assert.Equal(1, snapshot.GetProperty("version").GetInt64());
        var bulletin = Assert.Single(snapshot.GetProperty("bulletins").EnumerateArray());
        Assert.Equal(text, bulletin.GetProperty("text").GetString());
    }
}
