using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Testing;

/// <summary>The drafts HTTP API as a signed-in staff member calls it.</summary>
public static class DraftApi
{
    /// <summary>Creates a draft (<c>POST /api/drafts</c>) and returns its id.</summary>
    public static async Task<string> CreateDraftAsync(this StaffSession session, string? headline = null)
    {
        using var response = await session.Http.PostAsJsonAsync("/api/drafts", new { headline });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"Creating a draft gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetString()!;
    }

    /// <summary><c>OpenDraft</c> on a connection of its own, closed again: the server's durable view right now.</summary>
    public static async Task<JsonElement> ReadDraftAsync(this StaffSession session, string draftId)
    {
        await using var connection = session.Connect();
        await connection.StartAsync();
        return await connection.InvokeAsync<JsonElement>("OpenDraft", draftId);
    }
}
