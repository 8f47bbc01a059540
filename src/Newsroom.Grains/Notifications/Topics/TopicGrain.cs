using Microsoft.Extensions.Logging;
using Newsroom.Core.Notifications;
using Newsroom.Grains.Notifications.Inbox;

namespace Newsroom.Grains.Notifications.Topics;

/// <summary>
/// One topic's subscribers (all in memory, a stored row each, <see cref="ITopicStore"/>) and its fan-out.
/// <see cref="Publish"/> only queues: a background pump on the grain's own scheduler delivers what waits, up to
/// <see cref="NotificationLimits.MaxBatch"/> notifications per inbox call, to the subscribers as they were when the
/// pump took them, <see cref="TopicFanOut.BatchSize"/> at a time with at most <see cref="TopicFanOut.Parallelism"/>
/// calls in flight. The pump is not a request, so subscribing and publishing go on while it runs. An inbox that
/// fails is tried again later with backoff (<see cref="TopicFanOut.Backoff"/>) without holding up the others; its
/// dedupe by event id makes a repeated delivery harmless.
/// </summary>
public sealed partial class TopicGrain : Grain, ITopicGrain
{
    private readonly ITopicStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<TopicGrain> _logger;
    private readonly HashSet<string> _subscribers = new(StringComparer.Ordinal);
    private readonly Queue<Notification> _waiting = new();
    private Task _pump = Task.CompletedTask;

    public TopicGrain(ITopicStore store, TimeProvider clock, ILogger<TopicGrain> logger)
    {
        _store = store;
        _clock = clock;
        _logger = logger;
    }

    private string Topic => this.GetPrimaryKeyString();

    private string? Refusal => TopicKey.TryKind(Topic, out var kind)
        ? TopicKey.HasSubscribers(kind) ? null : $"'{Topic}' is kept by each inbox; it has no subscribers of its own."
        : TopicKey.Check(Topic);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Refusal is null)
        {
            _subscribers.UnionWith(await _store.LoadAsync(Topic, cancellationToken));
        }
    }

    // What was published is delivered before the topic goes, as far as the deactivation's time allows.
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _pump.WaitAsync(cancellationToken);

    public async Task Subscribe(string inboxKey)
    {
        RequireTopicAndInbox(inboxKey);
        if (_subscribers.Contains(inboxKey))
        {
            return;
        }

        await _store.AddAsync(Topic, inboxKey, _clock.GetUtcNow());
        _subscribers.Add(inboxKey);
    }

    public async Task Unsubscribe(string inboxKey)
    {
        RequireTopicAndInbox(inboxKey);
        if (!_subscribers.Contains(inboxKey))
        {
            return;
        }

        await _store.RemoveAsync(Topic, inboxKey);
        _subscribers.Remove(inboxKey);
    }

    public Task<int> Count()
    {
        RequireTopic();
        return Task.FromResult(_subscribers.Count);
    }

    public Task Publish(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        RequireTopic();
        _waiting.Enqueue(notification);
        if (_pump.IsCompleted)
        {
            _pump = Pump();
        }

        return Task.CompletedTask;
    }

    private async Task Pump()
    {
        // Off the publisher's turn, and a moment later: the action that published (a comment) is acknowledged to its
        // author before thousands of inbox calls take the silo's threads and storage's queue. Real time, not the
        // grain's clock (a test's clock may stand still): it is about this machine's threads, not about the news.
        await Task.Delay(TopicFanOut.Deferral);
        while (_waiting.Count > 0)
        {
            var notes = new List<Notification>();
            while (notes.Count < NotificationLimits.MaxBatch && _waiting.TryDequeue(out var next))
            {
                notes.Add(next);
            }

            foreach (var batch in _subscribers.ToArray().Chunk(TopicFanOut.BatchSize))
            {
                await DeliverBatch(batch, notes);
            }
        }
    }

    private async Task DeliverBatch(string[] inboxes, List<Notification> notes)
    {
        // The workers share one index; they all run on the grain's one-at-a-time scheduler, so no lock is needed.
        var next = 0;
        async Task Worker()
        {
            while (next < inboxes.Length)
            {
                var inbox = inboxes[next++];
                // Nobody is told of their own action: the actor's inbox is not even called.
                var theirs = notes.FindAll(n => n.Actor.Id != inbox);
                if (theirs.Count > 0)
                {
                    await DeliverTo(inbox, theirs, attempt: 0);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Math.Min(TopicFanOut.Parallelism, inboxes.Length)).Select(_ => Worker()));
    }

    private async Task DeliverTo(string inbox, List<Notification> notes, int attempt)
    {
        try
        {
            await GrainFactory.GetGrain<IInboxGrain>(inbox).Deliver(notes);
        }
        catch (RefusalException e)
        {
            // The inbox turned the notifications down as malformed: trying again would be turned down again.
            LogRefused(_logger, e, Topic, inbox, notes.Count);
        }
        catch (Exception e) when (attempt < TopicFanOut.Retries)
        {
            LogRetrying(_logger, e, Topic, inbox, TopicFanOut.Backoff(attempt + 1));
            RetryLater(inbox, notes, attempt + 1).Ignore();
        }
        catch (Exception e)
        {
            LogGaveUp(_logger, e, Topic, inbox, notes.Count, attempt + 1);
        }
    }

    // Waits apart from the batch, so one failing inbox never holds up the rest of the fan-out.
    private async Task RetryLater(string inbox, List<Notification> notes, int attempt)
    {
        await Task.Delay(TopicFanOut.Backoff(attempt), _clock);
        await DeliverTo(inbox, notes, attempt);
    }

    private void RequireTopic()
    {
        if (Refusal is { } refusal)
        {
            throw new TopicException(refusal);
        }
    }

    private void RequireTopicAndInbox(string inboxKey)
    {
        RequireTopic();
        if (!InboxKey.IsValid(inboxKey))
        {
            throw new TopicException($"'{CallerText.Shorten(inboxKey ?? "")}' is not an inbox key (staff:{{userName}} or guest:{{emailHash}}).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic {Topic}: inbox {Inbox} refused {Count} notifications")]
    private static partial void LogRefused(ILogger logger, Exception exception, string topic, string inbox, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic {Topic}: delivering to inbox {Inbox} failed; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, string topic, string inbox, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Topic {Topic}: gave up delivering {Count} notifications to inbox {Inbox} after {Attempts} tries")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string topic, string inbox, int count, int attempts);
}
