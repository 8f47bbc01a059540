namespace Newsroom.Server.Notifications;

/// <summary>
/// What the comment widget's "Subscribe" sends: the reader's email (guests; staff are known by their sign-in) and
/// what to be notified of: new follow-up comments on the story, new replies to their own comments, updates to the story.
/// </summary>
public sealed record ReaderSubscribeForm(string? Email, bool FollowUps, bool Replies, bool Updates);

/// <summary>
/// The answer to a subscription: <see cref="Following"/> when it took effect at once (signed-in staff), otherwise a
/// confirmation email is on its way; <see cref="Message"/> says which, for the widget to show.
/// </summary>
public sealed record ReaderSubscribed(bool Following, string Message);
