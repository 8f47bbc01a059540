namespace Newsroom.Server.Notifications;

/// <summary>
/// What the comment widget's "Subscribe" sends: the reader's email (guests; staff are known by their sign-in) and
/// what to be notified of: new follow-up comments on the story, new replies to their own comments, updates to the
/// story, and new stories in its section (<see cref="Section"/>), by its author (<see cref="Author"/>) or on some of
/// its tags (<see cref="Tags"/>, as the story names them). The section, author and tags are only ever the story's:
/// the server looks them up, and a tag the story does not have is refused. A form without the last three (as the
/// widget sent before they existed) chooses none of them. <see cref="Comment"/> is one published comment under the story
/// whose replies the reader wants to hear of ("Notify me of replies" on a comment).
/// </summary>
public sealed record ReaderSubscribeForm(
    string? Email, bool FollowUps, bool Replies, bool Updates, bool Section = false, bool Author = false, IReadOnlyList<string?>? Tags = null,
    long? Comment = null)
{
    public bool ChoosesNothing =>
        !FollowUps && !Replies && !Updates && !Section && !Author && (Tags is null || Tags.Count == 0) && Comment is null;
}

/// <summary>
/// The answer to a subscription: <see cref="Following"/> when it took effect at once (signed-in staff), otherwise a
/// confirmation email is on its way; <see cref="Message"/> says which, for the widget to show.
/// </summary>
public sealed record ReaderSubscribed(bool Following, string Message);
