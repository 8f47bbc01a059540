using System.Text.Json;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>Waiting for a particular event on an editor's draft channel, skipping the others.</summary>
internal static class DraftEvents
{
    public static async Task<JsonElement> Next(DraftEditorClient editor, string type, Func<JsonElement, bool>? match = null, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var envelope = await editor.Events.ReadAsync(cancel.Token);
                var e = envelope.GetProperty("event");
                if (e.GetProperty("type").GetString() == type && (match?.Invoke(e) ?? true))
                {
                    return e;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {type} event arrived in time.");
        }
    }

    public static List<JsonElement> Drain(DraftEditorClient editor)
    {
        var events = new List<JsonElement>();
        while (editor.Events.TryRead(out var envelope))
        {
            events.Add(envelope.GetProperty("event"));
        }

        return events;
    }
}
