using Newsroom.Server.Extensions;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Apis;

/// <summary>
/// An HTTP request whose grain call failed for a reason that passes (<see cref="BusyNewsroom"/>: the grain's silo died
/// under it, it did not answer in time, storage did not take the change) is answered 503 with <c>Retry-After</c>, not an
/// unexplained 500: a script's with problem details, a page with the status page's "The newsroom is busy". What the
/// request asked for may or may not have been done; the endpoints that store say how to tell.
/// </summary>
public sealed partial class BusyAnswers(RequestDelegate next, ILogger<BusyAnswers> logger)
{
    /// <summary>Seconds a client is asked to wait: about as long as a dead silo takes to be declared dead.</summary>
    public const int RetryAfterSeconds = 5;

    public const string Detail = "The newsroom did not answer in time (a server restarting, or storage slow); try again in a few seconds.";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (BusyNewsroom.IsBusy(e) && !context.Response.HasStarted)
        {
            LogBusy(context.Request.Method, context.Request.Path, $"{e.GetType().Name}: {e.Message}");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (PipelineExtensions.IsForScripts(context.Request.Path))
            {
                await TypedResults.Problem(Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Try again").ExecuteAsync(context);
            }

            // A page's empty 503 is re-executed by the status code pages into the busy page.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered busy: {Reason}")]
    private partial void LogBusy(string method, string path, string reason);
}
