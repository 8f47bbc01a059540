using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Email;

/// <summary>
/// One person's email: what waits to be sent, in memory, sent by a grain timer when due and, after a restart, when
/// its partition's wake-up finds it marked waiting (<see cref="IMailboxWakeGrain"/>). What waits is not written a row per notification: the inbox has
/// stored each one already, with the inbox version its delivery reached, so the mailbox stores per delivery the version
/// up to which email is settled, and a mailbox woken after a restart asks the inbox for the unread notifications above
/// it. A fan-out to thousands then costs each mailbox no write at all beyond the waiting mark of its first. Settings are
/// stored before they are answered.
/// </summary>
public sealed partial class MailboxGrain : Grain, IMailboxGrain, IRemindable
{
    private readonly IMailboxStore _store;
    private readonly IEmailSender _sender;
    private readonly IStaffAddresses _staff;
    private readonly IUnsubscribeLinks _links;
    private readonly EmailDeliveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<MailboxGrain> _logger;

    // Ordinal order of inbox entry ids is newest first.
    private readonly SortedList<string, PendingEmail> _pending = new(StringComparer.Ordinal);
    private MailboxSettings _settings = MailboxSettings.Default;
    private EmailRetry? _retry;
    private bool _loaded;

    // As stored: notifications may wait, and the partition's wake-up looks for this mark (StoredMailbox.Waiting).
    private bool _waiting;

    // Per delivery, the inbox version up to which email is settled, as stored; and the highest version told of.
    private readonly Dictionary<EmailDelivery, long> _settled = [];
    private long _told;

    // Ids of waiting rows written by earlier builds: removed once settled.
    private readonly HashSet<string> _earlierRows = new(StringComparer.Ordinal);

    public MailboxGrain(
        IMailboxStore store,
        IEmailSender sender,
        IStaffAddresses staff,
        IUnsubscribeLinks links,
        IOptions<EmailDeliveryOptions> options,
        TimeProvider clock,
        ILogger<MailboxGrain> logger)
    {
        _store = store;
        _sender = sender;
        _staff = staff;
        _links = links;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        if (!InboxKey.IsValid(Key))
        {
            throw new MailboxException($"'{Key}' is not an inbox key (staff:{{userName}} or guest:{{emailHash}}).");
        }
    }

    private string Key => this.GetPrimaryKeyString();

    public async Task Enqueue(IReadOnlyList<InboxEntry> added, long version)
    {
        try
        {
            await EnsureLoaded();
            _told = Math.Max(_told, version);
            var now = _clock.GetUtcNow();
            // A delivery already settled up to this version was sent (or found read) before this call arrived, as when a
            // wake asked the inbox first (Owed): told again, it would be sent twice.
            var waiting = (added ?? [])
                .Where(e => e is { Read: false } && !_pending.ContainsKey(e.Id))
                .Select(e => new PendingEmail(e, _settings.For(e.Notification.Kind), now))
                .Where(p => p.Delivery != EmailDelivery.Never && version > Settled(p.Delivery))
                .ToList();
            if (waiting.Count == 0)
            {
                return;
            }

            if (!_waiting)
            {
                await _store.MarkWaitingAsync(Key);
                _waiting = true;
            }

            foreach (var pending in waiting)
            {
                _pending[pending.Entry.Id] = pending;
            }

            await Schedule();
        }
        catch (Exception e)
        {
            // The inbox has them; only the email is lost, and a storage outage is what the log must show.
            LogEnqueueFailed(_logger, e, Key, added?.Count ?? 0);
        }
    }

    public async Task SetAddress(string email, string displayName)
    {
        if (!Key.StartsWith(InboxKey.GuestPrefix, StringComparison.Ordinal))
        {
            throw new MailboxException("A staff member's email address comes from their account, not from SetAddress.");
        }

        if (!EmailOptionsValidator.IsPlainAddress(email))
        {
            throw new MailboxException($"'{Short(email)}' is not an email address, such as reader@example.org.");
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > NotificationLimits.MaxActorNameLength || displayName.Any(char.IsControl))
        {
            throw new MailboxException($"A name to greet a reader by is one line of 1 to {NotificationLimits.MaxActorNameLength} characters.");
        }

        await EnsureLoaded();
        await Save(_settings with { Guest = new EmailRecipient(email, displayName.Trim()) });
    }

    public async Task<EmailPreferences> Preferences()
    {
        await EnsureLoaded();
        return PreferencesView();
    }

    public async Task<EmailPreferences> SetDelivery(NotificationKind kind, EmailDelivery delivery)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new MailboxException($"Notification kind {(int)kind} is unknown.");
        }

        if (!Enum.IsDefined(delivery))
        {
            throw new MailboxException($"Email delivery {(int)delivery} is unknown: choose Immediately, Hourly, Daily or Never.");
        }

        await EnsureLoaded();
        if (_settings.For(kind) != delivery)
        {
            await Save(_settings.With([kind], delivery));
        }

        return PreferencesView();
    }

    public async Task<Unsubscribed> Unsubscribe(IReadOnlyList<NotificationKind> kinds, string nonce)
    {
        CheckNonce(nonce);
        if (kinds is null || kinds.Count == 0 || kinds.Any(k => !Enum.IsDefined(k)))
        {
            throw new MailboxException("An unsubscribe names at least one known notification kind.");
        }

        await EnsureLoaded();
        var settings = _settings.With(kinds, EmailDelivery.Never);
        if (!await _store.UnsubscribeAsync(Key, settings, nonce))
        {
            return new Unsubscribed(AlreadyUsed: true, []);
        }

        _settings = settings;
        return new Unsubscribed(AlreadyUsed: false, [.. kinds.Distinct()]);
    }

    public Task<bool> UnsubscribeUsed(string nonce)
    {
        CheckNonce(nonce);
        return _store.UnsubscribeUsedAsync(Key, nonce);
    }

    public async Task<int> Waiting()
    {
        await EnsureLoaded();
        return _pending.Count;
    }

    private EmailPreferences PreferencesView() => new(
        Enum.GetValues<NotificationKind>().ToDictionary(k => k, _settings.For),
        Recipient()?.Address);

    /// <summary>Where this mailbox's emails go: a staff member's account address, a guest's confirmed one, or nowhere.</summary>
    private EmailRecipient? Recipient() =>
        InboxKey.TryStaffUserName(Key, out var userName) ? _staff.Find(userName) : _settings.Guest;

    private async Task Save(MailboxSettings settings)
    {
        await _store.SaveSettingsAsync(Key, settings);
        _settings = settings;
    }

    private async Task EnsureLoaded()
    {
        if (_loaded)
        {
            return;
        }

        var stored = await _store.LoadAsync(Key);
        _settings = stored.Settings;
        _retry = stored.Retry;
        _waiting = stored.Waiting;

        _pending.Clear();
        _earlierRows.Clear();
        foreach (var pending in stored.Pending)
        {
            _pending[pending.Entry.Id] = pending;
            _earlierRows.Add(pending.Entry.Id);
        }

        _settled.Clear();
        foreach (var (delivery, version) in stored.Settled)
        {
            _settled[delivery] = version;
        }

        _told = _settled.Values.DefaultIfEmpty(0).Max();
        if (stored.Waiting)
        {
            await Owed();
        }

        _loaded = true;
        await Schedule();
    }

    /// <summary>What the inbox holds unread above the settled versions: what this mailbox still owes email for.</summary>
    private async Task Owed()
    {
        var since = Enum.GetValues<EmailDelivery>().Min(Settled);
        var now = _clock.GetUtcNow();
        foreach (var owed in await GrainFactory.GetGrain<IInboxGrain>(Key).UnreadSince(since))
        {
            _told = Math.Max(_told, owed.Version);
            var delivery = _settings.For(owed.Entry.Notification.Kind);
            if (delivery != EmailDelivery.Never && owed.Version > Settled(delivery) && !_pending.ContainsKey(owed.Entry.Id))
            {
                // When it arrived is not stored; the notification's own time is as early, so the wait never grows.
                var arrived = owed.Entry.Notification.At < now ? owed.Entry.Notification.At : now;
                _pending[owed.Entry.Id] = new PendingEmail(owed.Entry, delivery, arrived);
            }
        }
    }

    private long Settled(EmailDelivery delivery) => _settled.GetValueOrDefault(delivery);

    private static void CheckNonce(string nonce)
    {
        if (nonce is not { Length: 32 } || !nonce.All(char.IsAsciiHexDigitLower))
        {
            throw new MailboxException("An unsubscribe nonce is 32 lower-case hex digits.");
        }
    }

    private static string Short(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..40] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox {Mailbox} could not keep {Count} notifications for email; the inbox still has them")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string mailbox, int count);
}
