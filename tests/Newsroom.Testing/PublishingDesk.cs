using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Testing;

/// <summary>
/// Rosa (or the reporter given) writes, Eddie edits and publishes: each signed in on a staff hub connection, as their editor pages would be.
/// Stories go through the real workflow (submit, approve, publish), and updates are edits of the draft's body.
/// </summary>
public sealed class PublishingDesk : IAsyncDisposable
{
    private readonly StaffSession _rosa;
    private readonly StaffSession _eddie;

    private PublishingDesk(StaffSession rosa, StaffSession eddie, HubConnection reporter, HubConnection editor) =>
        (_rosa, _eddie, Reporter, Editor) = (rosa, eddie, reporter, editor);

    public HubConnection Reporter { get; }

    public HubConnection Editor { get; }

    /// <summary>Signs the desk in; <paramref name="reporter"/> writes its drafts instead of Rosa (so they are that reporter's stories).</summary>
    public static async Task<PublishingDesk> OpenAsync(NewsroomServer server, (string UserName, string Password)? reporter = null)
    {
        var (userName, password) = reporter ?? StaffSession.Reporter;
        var rosa = await server.SignInAsync(userName, password);
        var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        var desk = new PublishingDesk(rosa, eddie, rosa.Connect(), eddie.Connect());
        await desk.Reporter.StartAsync();
        await desk.Editor.StartAsync();
        return desk;
    }

    /// <summary>Writes a story, submits it, approves and publishes it; returns its draft and its slug.</summary>
    public async Task<(string DraftId, string Slug)> PublishAsync(
        string body, string headline = "Count goes on through the night", string section = "City", IReadOnlyList<string>? tags = null, string? byline = null)
    {
        var (draftId, slug) = await WriteAsync(body, headline, section, tags, byline);
        await Step(draftId, "submit", null, null, Reporter);
        await Step(draftId, "approve");
        await Step(draftId, "publish");
        return (draftId, slug);
    }

    /// <summary>Writes a story (headline, metadata, body) without taking a step; returns its draft and its slug.</summary>
    public async Task<(string DraftId, string Slug)> WriteAsync(
        string body, string headline = "Count goes on through the night", string section = "City", IReadOnlyList<string>? tags = null, string? byline = null)
    {
        var draftId = await _rosa.CreateDraftAsync(headline);
        var slug = $"count-{draftId}";
        await Reporter.InvokeAsync<JsonElement>("SetMetadata", draftId, new { slug, section, tags, byline });
        await Push(Reporter, draftId, 0, Replacing(0, body));
        return (draftId, slug);
    }

    /// <summary>One edit from the old body to the new one, as a paste over the whole text would make.</summary>
    public Task ReplaceBodyAsync(string draftId, int baseVersion, string old, string body) =>
        Push(Editor, draftId, baseVersion, Replacing(old.Length, body));

    /// <summary>
    /// One edit that replaces <paramref name="from"/>..<paramref name="to"/> of the body (<paramref name="length"/>
    /// characters long) with <paramref name="text"/>, as typing there would: the text around it stays, so what comments
    /// are anchored to outside it moves rather than changes.
    /// </summary>
    public Task EditBodyAsync(string draftId, int baseVersion, int length, int from, int to, string text)
    {
        var sections = new List<object>();
        if (from > 0)
        {
            sections.Add(from);
        }

        sections.Add(new object[] { to - from }.Concat(text.Split('\n')).ToArray());
        if (length > to)
        {
            sections.Add(length - to);
        }

        return Push(Editor, draftId, baseVersion, [.. sections]);
    }

    /// <summary>A workflow step taken by Eddie, or by <paramref name="who"/>; returns the grain's answer.</summary>
    public Task<JsonElement> Step(string draftId, string step, string? note = null, string? kind = null, HubConnection? who = null) =>
        (who ?? Editor).InvokeAsync<JsonElement>("TakeStep", draftId, step, note, kind);

    public async ValueTask DisposeAsync()
    {
        await Reporter.DisposeAsync();
        await Editor.DisposeAsync();
        _rosa.Dispose();
        _eddie.Dispose();
    }

    // CodeMirror's ChangeSet JSON for "replace the first <length> characters with <text>": the text as its lines.
    private static object[] Replacing(int length, string text) => [new object[] { length }.Concat(text.Split('\n')).ToArray()];

    private static Task Push(HubConnection who, string draftId, int baseVersion, object[] changes) =>
        who.InvokeAsync<JsonElement>(
            "PushUpdates", draftId, "body", baseVersion, JsonSerializer.SerializeToElement(new[] { new { clientId = $"desk-{baseVersion}", changes } }));
}
