using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Newsroom.Grains;
using Newsroom.Grains.Telemetry;
using Newsroom.Server.Auth;

namespace Newsroom.Server.Realtime;

/// <summary>
/// What every hub call goes through: its declared argument checks, then its policy, then its rate limit, then the call; a
/// grain's refusal becomes a <see cref="HubException"/> carrying the reason to the caller alone, and a grain that does
/// not answer in time, or whose silo went away, becomes the method's busy message (<see cref="BusyNewsroom"/>).
/// Refusals are the caller's mistake, so they are logged as information without a stack trace; anything else is logged
/// here as the error it is, with its stack trace. SignalR's own log of failed invocations (which calls every refusal an
/// error) is turned off in RealtimeExtensions.
/// </summary>
public sealed partial class HubCallFilter(
    IAuthorizationService authorization, HubRateLimits rateLimits, GuestIdentity guests, ILogger<HubCallFilter> logger) : IHubFilter
{
    /// <summary>For calls whose method names no busy message of its own.</summary>
    public const string DefaultBusyMessage = "The newsroom did not answer in time; try again.";

    private static readonly ConcurrentDictionary<MethodInfo, HubMethodRules> _rules = new();
    private static readonly ConcurrentDictionary<string, object> _grantKeys = new();
    private static readonly object _countedKey = new();

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var rules = _rules.GetOrAdd(invocationContext.HubMethod, HubMethodRules.Of);
        // The root of the call's trace: the grain calls it makes (Orleans propagates the context) and their storage
        // writes are its descendants. Nothing is made unless a tracer listens.
        using var span = NewsroomTracing.Source.HasListeners()
            ? NewsroomTracing.Source.StartActivity(rules.SpanName, ActivityKind.Server)
            : null;
        try
        {
            rules.CheckArguments(invocationContext.HubMethodArguments);
            if (rules.Policy is { } policy && !await IsGranted(invocationContext.Context, policy))
            {
                throw new HubException(NewsroomPolicies.Refusal(policy));
            }

            if (rules.RateLimit is { } limit)
            {
                var hub = invocationContext.Context;
                var http = hub.GetHttpContext();
                rateLimits.Take(
                    limit,
                    hub.UserIdentifier ?? (http is null ? null : guests.Read(http).Id) ?? $"connection:{hub.ConnectionId}",
                    http?.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            }

            return await next(invocationContext);
        }
        catch (RefusalException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogRefused(invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, e.Message);
            throw new HubException(e.Message);
        }
        catch (HubException e)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogRefused(invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, e.Message);
            throw;
        }
        catch (Exception e) when (BusyNewsroom.IsBusy(e))
        {
            span?.SetStatus(ActivityStatusCode.Error, rules.BusyMessage);
            LogBusy(invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, $"{e.GetType().Name}: {e.Message}");
            throw new HubException(rules.BusyMessage);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            span?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(e, invocationContext.HubMethodName, invocationContext.Context.UserIdentifier);
            throw;
        }
    }

    /// <summary>Counts the connection on this silo, by hub, once it is established.</summary>
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        await next(context);
        NewsroomMetrics.LiveConnections.Add(1, HubTag(context.Hub));
        context.Context.Items[_countedKey] = true;
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.Remove(_countedKey))
        {
            NewsroomMetrics.LiveConnections.Add(-1, HubTag(context.Hub));
        }

        await next(context, exception);
    }

    private static KeyValuePair<string, object?> HubTag(Hub hub) =>
        new("hub", hub is StaffHub ? "staff" : hub is ReaderHub ? "readers" : hub.GetType().Name);

    /// <summary>
    /// A connection's principal does not change while it lives, so a policy it met once is met for good: remembered on
    /// the connection, as an editor's pushes (five a second) each asked again. Refusals are asked again; they are rare.
    /// </summary>
    private async ValueTask<bool> IsGranted(HubCallerContext connection, string policy)
    {
        var key = _grantKeys.GetOrAdd(policy, _ => new object());
        if (connection.Items.ContainsKey(key))
        {
            return true;
        }

        if (!(await authorization.AuthorizeAsync(connection.User!, policy)).Succeeded)
        {
            return false;
        }

        connection.Items[key] = true;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} for {User}: {Reason}")]
    private partial void LogRefused(string method, string? user, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} for {User} failed")]
    private partial void LogFailed(Exception exception, string method, string? user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} for {User} was not answered ({Reason}); told to retry")]
    private partial void LogBusy(string method, string? user, string reason);

    private sealed record HubMethodRules(
        string SpanName, string? Policy, string? RateLimit, string BusyMessage, (int Index, HubArgumentAttribute Check)[] Checks)
    {
        public static HubMethodRules Of(MethodInfo method) => new(
            $"{method.DeclaringType?.Name}/{method.Name}",
            method.GetCustomAttribute<RequiresPolicyAttribute>()?.Policy,
            method.GetCustomAttribute<RateLimitedAttribute>()?.Limit,
            (method.GetCustomAttribute<WhenBusyAttribute>() ?? method.DeclaringType?.GetCustomAttribute<WhenBusyAttribute>())?.Message
                ?? DefaultBusyMessage,
            [
                .. method.GetParameters().SelectMany(p => p.GetCustomAttributes<HubArgumentAttribute>().Select(a => (p.Position, a))),
            ]);

        public void CheckArguments(IReadOnlyList<object?> arguments)
        {
            foreach (var (index, check) in Checks)
            {
                check.Check(arguments[index]);
            }
        }
    }
}
