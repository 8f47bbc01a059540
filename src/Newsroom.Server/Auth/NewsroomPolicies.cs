using Microsoft.AspNetCore.Authorization;
using Newsroom.Core.Accounts;
using Newsroom.Server.Telemetry;

namespace Newsroom.Server.Auth;

/// <summary>What a staff member may do, by role. Hubs, endpoints and pages ask the same policies.</summary>
public static class NewsroomPolicies
{
    /// <summary>Any signed-in staff member, whatever the role.</summary>
    public const string Staff = "staff";

    /// <summary>Reporters, editors and admins write drafts; moderators may only follow them.</summary>
    public const string EditDrafts = "edit-drafts";

    /// <summary>Moderators and admins act on readers' comments.</summary>
    public const string Moderate = "moderate";

    /// <summary>Editors and admins approve, publish and withdraw stories.</summary>
    public const string Publish = "publish";

    /// <summary>Admins look inside the running newsroom (diagnostics, the Orleans dashboard).</summary>
    public const string Administer = "administer";

    /// <summary>Admins, and a metrics scraper holding the configured token, read <c>/metrics</c>.</summary>
    public const string ReadMetrics = "read-metrics";

    public static AuthorizationBuilder AddNewsroomPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireRole(NewsroomRoles.All))
        .AddPolicy(EditDrafts, p => p.RequireRole(NewsroomRoles.Reporter, NewsroomRoles.Editor, NewsroomRoles.Admin))
        .AddPolicy(Moderate, p => p.RequireRole(NewsroomRoles.Moderator, NewsroomRoles.Admin))
        .AddPolicy(Publish, p => p.RequireRole(NewsroomRoles.Editor, NewsroomRoles.Admin))
        .AddPolicy(Administer, p => p.RequireRole(NewsroomRoles.Admin))
        .AddPolicy(ReadMetrics, p => p.AddRequirements(new MetricsScrapeRequirement()));

    /// <summary>What a person is told when a policy refuses them.</summary>
    public static string Refusal(string policy) => policy switch
    {
        EditDrafts => "You may read this draft but not edit it.",
        Moderate => "Only moderators may do this.",
        Publish => "Only editors may do this.",
        Administer => "Only admins may do this.",
        _ => "Sign in as staff to do this.",
    };
}
