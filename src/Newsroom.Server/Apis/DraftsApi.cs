using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Newsroom.Grains.Desk;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;
using Newsroom.Server.Drafts;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Apis;

/// <summary>Creating drafts and listing them; editing them goes through the staff hub.</summary>
public static class DraftsApi
{
    public static WebApplication MapDraftsApi(this WebApplication app)
    {
        var drafts = app.MapGroup("/api/drafts").RequireAuthorization(NewsroomPolicies.Staff);
        drafts.MapPost("/", CreateDraft);
        drafts.MapGet("/", ListDrafts);
        return app;
    }

    public static async Task<Results<Created<CreatedDraft>, ProblemHttpResult>> CreateDraft(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] NewDraft? body,
        ClaimsPrincipal user,
        IAuthorizationService authorization,
        IGrainFactory grains)
    {
        if (!(await authorization.AuthorizeAsync(user, NewsroomPolicies.EditDrafts)).Succeeded)
        {
            return TypedResults.Problem(
                "You may read drafts but not create them.", statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");
        }

        var headline = body?.Headline ?? "";
        if (headline.Length > DraftLimits.MaxInitialHeadlineLength)
        {
            return TypedResults.Problem(
                $"The headline may be at most {DraftLimits.MaxInitialHeadlineLength} characters long; got {headline.Length}.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid draft");
        }

        var creator = user.AsDraftUser();
        // A collision is unlikely, and Create refuses a taken id, so a retry settles it.
        for (var attempt = 0; ; attempt++)
        {
            var id = DraftId.New();
            try
            {
                await grains.GetGrain<IDraftGrain>(id).Create(creator, headline);
                return TypedResults.Created($"/drafts/{id}", new CreatedDraft(id));
            }
            catch (DraftException) when (attempt < 3)
            {
            }
            catch (Exception e) when (BusyNewsroom.IsBusy(e))
            {
                // The grain may still finish creating it; saying so beats an unexplained 500.
                return TypedResults.Problem(
                    "Creating the draft did not finish in time (storage is slow or the newsroom is overloaded). " +
                    "It may still appear on the desk; try again if it does not.",
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Try again");
            }
        }
    }

    public static async Task<Ok<DeskDrafts>> ListDrafts(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDeskGrain>(IDeskGrain.Newsroom).GetDrafts());

    public sealed record NewDraft(string? Headline);

    public sealed record CreatedDraft(string Id);
}
