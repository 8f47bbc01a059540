using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Newsroom.Testing;

/// <summary>How a test's connection hears channel events: the server sends them in batches ("Events"), as browsers take them.</summary>
public static class LiveEvents
{
    /// <summary>Calls <paramref name="each"/> with every envelope, in the order the server sent them, one batch at a time.</summary>
    public static IDisposable OnEvents(this HubConnection connection, Action<JsonElement> each)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(each);
        return connection.On<JsonElement>("Events", batch =>
        {
            foreach (var envelope in batch.EnumerateArray())
            {
                each(envelope);
            }
        });
    }
}
