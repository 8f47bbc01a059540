namespace Newsroom.Server.Health;

/// <summary>
/// Work that runs once the host has started (silo and web server), retried while storage may still be starting
/// beside us, and given up after a minute. <c>/health/ready</c> waits on <see cref="Done"/>, so a load balancer sends
/// traffic only once it has run (or given up, and says so).
/// </summary>
public abstract partial class StartupTask(IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan _giveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan _retryAfter = TimeSpan.FromSeconds(1);

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the work has run or has given up.</summary>
    public Task Done => _done.Task;

    /// <summary>Whether it ran; false while it runs and after it gave up.</summary>
    public bool Succeeded { get; private set; }

    /// <summary>What the work is, for the log: "Warm-up", "Writing the demo newsroom".</summary>
    protected abstract string What { get; }

    /// <summary>How long one try may take: a try that hangs on storage must not outlast what readiness tolerates.</summary>
    protected virtual TimeSpan AttemptTimeout => Timeout.InfiniteTimeSpan;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);
            var deadline = DateTime.UtcNow + _giveUpAfter;
            while (true)
            {
                try
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    attempt.CancelAfter(AttemptTimeout);
                    await RunOnceAsync(attempt.Token);
                    Succeeded = true;
                    return;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested && DateTime.UtcNow < deadline)
                {
                    LogRetrying(What, e.Message);
                    await Task.Delay(_retryAfter, stoppingToken);
                }
            }
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogGaveUp(e, What);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            _done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{What} failed and will be retried (storage may still be starting): {Reason}")]
    private partial void LogRetrying(string what, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{What} gave up.")]
    private partial void LogGaveUp(Exception exception, string what);
}
