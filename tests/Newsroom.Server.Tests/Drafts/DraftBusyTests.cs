using Newsroom.Core.Changes;
using Newsroom.Testing;

namespace Newsroom.Server.Tests.Drafts;

/// <summary>
/// When storage hangs, a push is answered "did not answer in time" instead of an unexplained failure; the
/// editor keeps its edit and sends it again, and once storage answers the edit is stored exactly once.
/// </summary>
public sealed class DraftBusyTests
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PushWhileStorageHangs_IsAnsweredBusy_AndTheResentEditIsStoredOnce()
    {
        await using var azurite = await Azurite.StartAsync();
        await using var server = await NewsroomServer.StartAsync(azurite, new Dictionary<string, string?>
        {
            // Short enough to wait for, long enough that a loaded CI machine finishes every call before the pause.
            ["Newsroom__Cluster__ResponseTimeout"] = "00:00:10",
        });
        using var rosa = await server.SignInAsync(StaffSession.Reporter.UserName, StaffSession.Reporter.Password);
        var draftId = await rosa.CreateDraftAsync("Slow storage");
        await using var editor = await DraftEditorClient.OpenAsync(rosa, draftId, "rosa");
        editor.Edit("body", _ => [new ChangeSpec(0, Insert: "Stored. ")]);
        await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _wait, "the first edit to be stored");

        await azurite.PauseAsync();
        try
        {
            var pushesBefore = editor.PushesSent;
            editor.Edit("body", text => [new ChangeSpec(text.Length, Insert: "Waited for.")]);
            await editor.WaitUntilAsync(
                e => !e.BusyAnswers.IsEmpty && e.PushesSent >= pushesBefore + 2, _wait, "the push to be answered busy and sent again");
        }
        finally
        {
            await azurite.ResumeAsync();
        }

        await editor.WaitUntilAsync(e => e.UnconfirmedCount == 0, _wait, "the edit to be stored once storage answers");
        var stored = await rosa.ReadDraftAsync(draftId);
        var body = stored.GetProperty("fields").GetProperty("body");

        Assert.EndsWith("HubException: The draft did not answer in time; your changes are kept here and will be sent again.", editor.BusyAnswers.First(), StringComparison.Ordinal);
        Assert.Empty(editor.Errors);
        Assert.Equal("Stored. Waited for.", JsStrings.Read(body.GetProperty("text")));
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        Assert.Equal("Stored. Waited for.", editor.Text("body"));
    }
}
