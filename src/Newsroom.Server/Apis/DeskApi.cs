using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Newsroom.Core.Realtime;
using Newsroom.Grains.Desk;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Apis;

/// <summary>Desk bulletins: short notes from staff to staff, live on <c>desk:{name}</c>.</summary>
public static class DeskApi
{
    public static WebApplication MapDeskApi(this WebApplication app)
    {
        var desks = app.MapGroup("/api/desks/{desk}").RequireAuthorization(NewsroomPolicies.Staff);
        desks.MapGet("/bulletins", GetBulletins);
        desks.MapPost("/bulletins", PostBulletin);
        return app;
    }

    public static async Task<Results<Ok<DeskSnapshot>, ProblemHttpResult>> GetBulletins(string desk, IGrainFactory grains)
    {
        if (!ChannelName.TryParse($"desk:{desk}", out _, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Unknown desk name");
        }

        return TypedResults.Ok(await grains.GetGrain<IDeskGrain>(desk).GetBulletins());
    }

    public static async Task<Results<Created<DeskBulletin>, ProblemHttpResult>> PostBulletin(
        string desk, NewBulletin body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!ChannelName.TryParse($"desk:{desk}", out _, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Unknown desk name");
        }

        var text = body.Text?.Trim() ?? "";
        if (text.Length is 0 or > DeskBulletin.MaxTextLength)
        {
            return TypedResults.Problem(
                $"A bulletin must be 1 to {DeskBulletin.MaxTextLength} characters long; got {text.Length}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid bulletin");
        }

        var author = user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "staff";
        var bulletin = await grains.GetGrain<IDeskGrain>(desk).PostBulletin(author, text);
        return TypedResults.Created($"/api/desks/{desk}/bulletins", bulletin);
    }

    public sealed record NewBulletin(string? Text);
}
