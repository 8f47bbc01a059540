using Microsoft.AspNetCore.SignalR;
using Newsroom.Server.Realtime;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Comments;

/// <summary>
/// A comment posted while storage hangs or refuses connections is answered "kept here and will be sent again", not an
/// unexpected error; once storage is back, the same comment sent again with the same key is stored exactly once, and
/// the thread goes on as before.
/// </summary>
public sealed class CommentStorageFaultTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("hangs")]
    [InlineData("refuses connections")]
    public async Task APostWhileStorage_IsAnsweredBusy_AndTheResendIsStoredOnce(string fault)
    {
        await using var azurite = await Azurite.StartAsync(inMemory: false);
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            // Short enough to wait for, long enough that a loaded CI machine finishes every call before the fault.
            ["Newsroom__Cluster__ResponseTimeout"] = "00:00:10",
            // One staff member posts and resends within seconds.
            ["Newsroom__RateLimits__CommentsPerIdentity__Burst"] = "100",
        });
        string slug;
        await using (var desk = await PublishingDesk.OpenAsync(server))
        {
            (_, slug) = await desk.PublishAsync("The count was halted overnight.");
        }

        using var eddie = await server.SignInAsync(StaffSession.Editor.UserName, StaffSession.Editor.Password);
        await using var staff = await CommentReader.ConnectAsync(server, eddie.Cookies);
        await staff.Post(slug, new { text = "Stored before the fault.", key = "before-the-fault-01" });
        var comment = new { text = "Posted during the fault.", key = "during-the-fault-01" };

        await (fault == "hangs" ? azurite.PauseAsync() : azurite.StopGracefullyAsync());
        HubException busy;
        try
        {
            busy = await Assert.ThrowsAsync<HubException>(() => staff.Post(slug, comment));
        }
        finally
        {
            await (fault == "hangs" ? azurite.ResumeAsync() : azurite.RestartAsync());
        }

        Assert.EndsWith($"HubException: {ReaderHub.PostBusyMessage}", busy.Message, StringComparison.Ordinal);
        // The page sends it again until it is answered; a resend whose first try did land is answered with that one.
        var answered = await Eventually.Until(
            async () =>
            {
                try
                {
                    return (await staff.Post(slug, comment)).GetProperty("comment").GetProperty("id").GetInt64();
                }
                catch (HubException)
                {
                    return 0;
                }
            },
            id => id > 0,
            _wait,
            "the resend to be answered once storage is back");
        var again = await staff.Post(slug, comment);

        Assert.Equal(answered, again.GetProperty("comment").GetProperty("id").GetInt64());
        Assert.Equal(["Stored before the fault.", "Posted during the fault."], await Texts(server, slug));
        await staff.Post(slug, new { text = "After the fault, as ever.", key = "after-the-fault-01" });
        Assert.Equal(["Stored before the fault.", "Posted during the fault.", "After the fault, as ever."], await Texts(server, slug));
    }

    // Read through a fresh connection, oldest first: what a reader opening the story now sees.
    private static async Task<string[]> Texts(NewsroomServer server, string slug)
    {
        await using var reader = await CommentReader.ConnectAsync(server);
        var page = await reader.Page(slug, "oldest");
        return [.. page.GetProperty("comments").EnumerateArray().Select(c => c.GetProperty("text").GetString() ?? "")];
    }
}
