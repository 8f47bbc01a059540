using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Accounts;
using Newsroom.Grains.Drafts;

namespace Newsroom.Server.Realtime;

/// <summary>The staff hub's checks on draft calls: argument shape, edit rights, and who is calling.</summary>
public static class DraftArguments
{
    public const int IdLength = 12;

    public static bool IsWellFormedId(string? id) =>
        id is { Length: IdLength } && !id.AsSpan().ContainsAnyExcept("0123456789abcdef");

    public static string Id(string? draftId) =>
        IsWellFormedId(draftId)
            ? draftId!
            : throw new HubException($"'{Truncate(draftId)}' is not a draft id (12 lowercase hexadecimal digits).");

    public static DraftField Field(string? field) =>
        DraftFields.TryParse(field, out var parsed)
            ? parsed.Value
            : throw new HubException($"Field '{Truncate(field)}' is unknown; expected headline, standfirst or body.");

    /// <summary>
    /// Reads <c>[{ clientId, changes }]</c>, keeping each change set as its JSON text for the grain to parse.
    /// Taken as raw JSON rather than bound, so a wrong shape gets a reason instead of SignalR's bare
    /// "error binding arguments".
    /// </summary>
    public static DraftUpdate[] Updates(JsonElement updates)
    {
        if (updates.ValueKind != JsonValueKind.Array)
        {
            throw new HubException("A push needs an array of updates, each { clientId, changes }.");
        }

        var count = updates.GetArrayLength();
        if (count > DraftLimits.MaxUpdatesPerPush)
        {
            throw new HubException($"A push may hold at most {DraftLimits.MaxUpdatesPerPush} updates; got {count}.");
        }

        var result = new DraftUpdate[count];
        var i = 0;
        foreach (var update in updates.EnumerateArray())
        {
            if (update.ValueKind != JsonValueKind.Object
                || !update.TryGetProperty("clientId", out var clientId) || clientId.ValueKind != JsonValueKind.String
                || !update.TryGetProperty("changes", out var changes))
            {
                throw new HubException($"Update {i} must be {{ clientId: string, changes: ChangeSet JSON }}.");
            }

            result[i++] = new DraftUpdate(clientId.GetString()!, changes.GetRawText());
        }

        return result;
    }

    /// <summary>Reporters, editors and admins write drafts; moderators may only read them.</summary>
    public static bool CanEdit(ClaimsPrincipal user) =>
        user.IsInRole(NewsroomRoles.Reporter) || user.IsInRole(NewsroomRoles.Editor) || user.IsInRole(NewsroomRoles.Admin);

    public static void RequireEdit(ClaimsPrincipal? user)
    {
        if (user is null || !CanEdit(user))
        {
            throw new HubException("You may read this draft but not edit it.");
        }
    }

    public static DraftUser User(ClaimsPrincipal? user)
    {
        var userName = user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new HubException("Sign in to work on drafts.");
        return new DraftUser(userName, user.FindFirstValue(ClaimTypes.Name) ?? userName);
    }

    /// <summary>
    /// A grain call that ran out of time (storage slow or gone, or the silo overloaded). What was sent may still
    /// be stored; the editor keeps it and sends it again, which is safe.
    /// </summary>
    public const string BusyMessage =
        "The draft did not answer in time; your changes are kept here and will be sent again.";

    /// <summary>Runs a grain call, turning its refusal into a <see cref="HubException"/> for this caller only.</summary>
    public static async Task<T> Call<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (DraftException e)
        {
            throw new HubException(e.Message);
        }
        catch (TimeoutException)
        {
            throw new HubException(BusyMessage);
        }
    }

    public static async Task Call(Task call)
    {
        try
        {
            await call;
        }
        catch (DraftException e)
        {
            throw new HubException(e.Message);
        }
        catch (TimeoutException)
        {
            throw new HubException(BusyMessage);
        }
    }

    private static string Truncate(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
