using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Newsroom.Core.Accounts;

namespace Newsroom.Server.Telemetry;

/// <summary>Who may read <c>/metrics</c>: a signed-in admin, or a scraper holding the configured bearer token.</summary>
public sealed class MetricsScrapeRequirement : IAuthorizationRequirement;

public sealed class MetricsScrapeHandler(TelemetryOptions options) : AuthorizationHandler<MetricsScrapeRequirement>
{
    private readonly byte[]? _token = options.ScrapeToken is { } token ? Encoding.UTF8.GetBytes(token) : null;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MetricsScrapeRequirement requirement)
    {
        if (context.User.IsInRole(NewsroomRoles.Admin) || HoldsToken(context.Resource as HttpContext))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    private bool HoldsToken(HttpContext? http)
    {
        const string scheme = "Bearer ";
        if (_token is null || http?.Request.Headers.Authorization.ToString() is not { } header
            || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()), _token);
    }
}
