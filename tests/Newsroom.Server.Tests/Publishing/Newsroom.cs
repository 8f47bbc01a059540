using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Publishing;

/// <summary>The staff of the demo newsroom, each on a staff hub connection of their own, and drafts ready to publish.</summary>
internal sealed class Newsroom : IAsyncDisposable
{
    private readonly List<(StaffSession Session, HubConnection Connection)> _people = [];

    public required StaffSession Rosa { get; init; }

    public required HubConnection Reporter { get; init; }

    public required HubConnection Editor { get; init; }

    public required HubConnection Moderator { get; init; }

    public required HubConnection Admin { get; init; }

    public IReadOnlyDictionary<string, HubConnection> ByRole => new Dictionary<string, HubConnection>
    {
        ["reporter"] = Reporter,
        ["editor"] = Editor,
        ["moderator"] = Moderator,
        ["admin"] = Admin,
    };

    public static async Task<Newsroom> SignInAsync(NewsroomServer server)
    {
        var sessions = new List<(StaffSession, HubConnection)>();
        foreach (var (user, password) in new[] { ("rosa", "rosa-demo"), ("eddie", "eddie-demo"), ("mona", "mona-demo"), ("ada", "ada-demo") })
        {
            var session = await server.SignInAsync(user, password);
            var connection = session.Connect();
            await connection.StartAsync();
            sessions.Add((session, connection));
        }

        var newsroom = new Newsroom
        {
            Rosa = sessions[0].Item1,
            Reporter = sessions[0].Item2,
            Editor = sessions[1].Item2,
            Moderator = sessions[2].Item2,
            Admin = sessions[3].Item2,
        };
        newsroom._people.AddRange(sessions);
        return newsroom;
    }

    /// <summary>A new draft with a headline, a body and a slug of its own: everything a story needs to run.</summary>
    public async Task<(string DraftId, string Slug)> StoryAsync(string headline = "Polls close in Astana", string body = "Turnout was high.")
    {
        var draftId = await Rosa.CreateDraftAsync(headline);
        var slug = $"story-{draftId}";
        await Reporter.InvokeAsync<JsonElement>("SetMetadata", draftId, new { slug, section = "World", tags = new[] { "kazakhstan" } });
        await Reporter.InvokeAsync<JsonElement>(
            "PushUpdates", draftId, "body", 0, JsonSerializer.SerializeToElement(new[] { new { clientId = "setup", changes = new object[] { new object[] { 0, body } } } }));
        return (draftId, slug);
    }

    public static Task<JsonElement> Step(HubConnection who, string draftId, string step, string? note = null, string? kind = null) =>
        who.InvokeAsync<JsonElement>("TakeStep", draftId, step, note, kind);

    public async ValueTask DisposeAsync()
    {
        foreach (var (session, connection) in _people)
        {
            await connection.DisposeAsync();
            session.Dispose();
        }
    }
}
