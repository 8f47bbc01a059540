namespace Newsroom.Server.Realtime;

internal static partial class StaffHubLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing a closed connection's presence from draft {DraftId} failed")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string draftId);
}
