using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Core.Accounts;
using Newsroom.Core.Comments;
using Newsroom.Grains.Comments;
using Newsroom.Grains.Drafts;
using Newsroom.Server.Auth;
using Newsroom.Server.Drafts;

namespace Newsroom.Server.Comments;

/// <summary>Who is calling a comment method, as the thread grain wants them, and its arguments as browsers name them.</summary>
public static class CommentCaller
{
    /// <summary>Replies beyond the first ones, per "n more replies" press.</summary>
    public const int RepliesPerLoad = 20;

    /// <summary>The most queued comments one call returns.</summary>
    public const int QueueMax = 200;

    /// <summary>
    /// Signed-in staff write as themselves (with the badge); everyone else as the guest of their signed cookie, with
    /// the name and email they typed, which the grain checks.
    /// </summary>
    /// <exception cref="Grains.RefusalException">A guest whose cookie is missing or forged.</exception>
    public static CommentWriter Writer(HubCallerContext context, GuestIdentity guests, CommentForm form) =>
        StaffMember(context.User) is { } staff
            ? CommentWriter.Staff(staff.UserName, staff.DisplayName)
            : CommentWriter.Guest(guests.Require(context.GetHttpContext()), form.Name ?? "", form.Email ?? "");

    /// <summary>The id a comment, vote or rating is kept under: the staff member's user name, or the guest's id.</summary>
    /// <exception cref="Grains.RefusalException">A guest whose cookie is missing or forged.</exception>
    public static string AuthorId(HubCallerContext context, GuestIdentity guests) =>
        StaffMember(context.User)?.UserName ?? guests.Require(context.GetHttpContext());

    /// <summary>Who is reading, so their own held comments and votes show; nobody in particular without a valid cookie.</summary>
    public static string? ViewerId(HubCallerContext context, GuestIdentity guests) =>
        StaffMember(context.User)?.UserName ?? (context.GetHttpContext() is { } http ? guests.Read(http).Id : null);

    public static CommentModerator Moderator(ClaimsPrincipal? user)
    {
        var staff = StaffMember(user) ?? throw new CommentException("Sign in as a moderator to do this.");
        return new CommentModerator(staff.UserName, staff.DisplayName);
    }

    /// <exception cref="CommentException">Not "newest", "oldest" or "most-voted".</exception>
    public static CommentSort Sort(string? name) =>
        name is null or "" ? CommentSort.Newest : Parse<CommentSort>(name, "a way to sort comments");

    /// <exception cref="CommentException">Not "up", "down" or "none".</exception>
    public static CommentVote Vote(string? name) => Parse<CommentVote>(name, "a vote");

    /// <exception cref="CommentException">Not one of the moderators' actions.</exception>
    public static CommentModerationAction Action(string? name) => Parse<CommentModerationAction>(name, "a moderator's action");

    /// <exception cref="CommentException">The form is missing.</exception>
    public static CommentForm Require(CommentForm? form) =>
        form ?? throw new CommentException("A comment needs { text }, and a guest's { name, email }.");

    private static DraftUser? StaffMember(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && NewsroomRoles.All.Any(user.IsInRole) ? user.AsDraftUser() : null;

    private static T Parse<T>(string? name, string what)
        where T : struct, Enum =>
        Enum.GetValues<T>().Where(v => WorkflowArguments.Name(v) == name).Select(v => (T?)v).FirstOrDefault()
            ?? throw new CommentException(
                $"'{Shorten(name)}' is not {what}; expected one of {string.Join(", ", Enum.GetValues<T>().Select(WorkflowArguments.Name))}.");

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";
}
