using Microsoft.AspNetCore.SignalR;

namespace Newsroom.Server.Drafts;

/// <summary>
/// The drafts a connection has opened, kept on the connection itself, so that when it goes away the hub
/// tells exactly those draft grains to drop its presence.
/// </summary>
public static class OpenedDrafts
{
    private static readonly object _key = new();

    public static void Add(HubCallerContext context, string draftId)
    {
        var drafts = Of(context);
        lock (drafts)
        {
            drafts.Add(draftId);
        }
    }

    public static void Remove(HubCallerContext context, string draftId)
    {
        var drafts = Of(context);
        lock (drafts)
        {
            drafts.Remove(draftId);
        }
    }

    public static string[] All(HubCallerContext context)
    {
        var drafts = Of(context);
        lock (drafts)
        {
            return [.. drafts];
        }
    }

    private static HashSet<string> Of(HubCallerContext context)
    {
        lock (context.Items)
        {
            if (context.Items.TryGetValue(_key, out var value) && value is HashSet<string> drafts)
            {
                return drafts;
            }

            var created = new HashSet<string>(StringComparer.Ordinal);
            context.Items[_key] = created;
            return created;
        }
    }
}
