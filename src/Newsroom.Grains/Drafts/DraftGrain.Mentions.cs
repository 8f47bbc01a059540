using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Email;

namespace Newsroom.Grains.Drafts;

/// <summary>
/// Staff @mentioned in a draft's text are told, once each per draft (event <c>mention:{draftId}:{userName}</c>, which
/// their inbox also dedupes across activations). The text is looked at only once it has been still for
/// <see cref="MentionSettle"/>: "@ed" on its way to "@eddie" tells nobody, and a burst of typing costs one look.
/// </summary>
public sealed partial class DraftGrain
{
    /// <summary>How long the text must be still before mentions in it are told.</summary>
    public static readonly TimeSpan MentionSettle = TimeSpan.FromSeconds(3);

    private readonly IStaffAddresses _staff;
    private readonly HashSet<string> _mentionsTold = new(StringComparer.Ordinal);
    private IGrainTimer? _mentionCheck;
    private DraftUser? _lastWriter;

    // After a durable change to the text: (re)starts the wait, so only the text as it settles is read.
    private void NoteTextChanged(DraftUser writer)
    {
        _lastWriter = writer;
        _mentionCheck?.Dispose();
        _mentionCheck = this.RegisterGrainTimer(TellMentioned, MentionSettle, Timeout.InfiniteTimeSpan);
    }

    private Task TellMentioned()
    {
        if (_lastWriter is not { } writer)
        {
            return Task.CompletedTask;
        }

        var at = _clock.GetUtcNow();
        foreach (var name in _fields.SelectMany(f => Mentions.Find(f.Text.ToString())).Distinct())
        {
            // Whoever wrote it does not mention themselves to themselves; nor does a name nobody on the staff has.
            if (_mentionsTold.Contains(name) || string.Equals(name, writer.UserName, StringComparison.OrdinalIgnoreCase) || !_staff.IsStaff(name))
            {
                continue;
            }

            _mentionsTold.Add(name);
            Notify(name, () => new Notification(
                $"mention:{Id}:{name}",
                NotificationKind.Mentioned,
                Notification.Fit($"{writer.DisplayName} mentioned you in “{HeadlineForNotice()}”", NotificationLimits.MaxTitleLength),
                Notification.Fit(MentionContext(name), NotificationLimits.MaxExcerptLength),
                $"/drafts/{Id}",
                new NotificationActor(InboxKey.Staff(writer.UserName), Notification.Fit(writer.DisplayName, NotificationLimits.MaxActorNameLength)),
                at));
        }

        return Task.CompletedTask;
    }

    // The words around the first mention, so the person sees what they are asked without opening the draft.
    private string MentionContext(string name)
    {
        foreach (var field in _fields)
        {
            var text = field.Text.ToString();
            var at = text.IndexOf("@" + name, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                var from = Math.Max(0, at - 120);
                return (from > 0 ? "…" : "") + text[from..Math.Min(text.Length, at + name.Length + 1 + 200)];
            }
        }

        return "";
    }
}
