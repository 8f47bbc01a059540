using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newsroom.Server.Auth;
using Newsroom.Server.Drafts;
using Newsroom.Server.Realtime;

namespace Newsroom.Server.Tests.Realtime;

/// <summary>What a hub connection is found to be once is remembered on it: its principal does not change while it lives.</summary>
public sealed class HubCallGrantsTests
{
    private static readonly MethodInfo _push = typeof(StaffHub).GetMethod(nameof(StaffHub.PushUpdates))!;

    [Fact]
    public async Task APolicyMetOnce_IsNotAskedAgainOnThatConnection_ButIsOnAnother()
    {
        var authorization = new CountingAuthorization(grant: true);
        var filter = Filter(authorization);
        var editor = new Connection("rosa");
        var other = new Connection("eddie");

        Assert.Equal("called", await Invoke(filter, editor));
        Assert.Equal("called", await Invoke(filter, editor));
        Assert.Equal("called", await Invoke(filter, other));

        Assert.Equal(2, authorization.Asked);
    }

    [Fact]
    public async Task ARefusal_IsAskedAgain_AndRefusedEachTime()
    {
        var authorization = new CountingAuthorization(grant: false);
        var filter = Filter(authorization);
        var reader = new Connection("guest");

        var first = await Assert.ThrowsAsync<HubException>(() => Invoke(filter, reader));
        await Assert.ThrowsAsync<HubException>(() => Invoke(filter, reader));

        Assert.Equal(NewsroomPolicies.Refusal(NewsroomPolicies.EditDrafts), first.Message);
        Assert.Equal(2, authorization.Asked);
    }

    [Fact]
    public void TheDraftUser_IsMadeOncePerConnection_FromItsPrincipal()
    {
        var rosa = new Connection("rosa");
        var eddie = new Connection("eddie");

        var once = rosa.AsDraftUser();

        Assert.Same(once, rosa.AsDraftUser());
        Assert.Equal(("rosa", "Rosa rosa"), (once.UserName, once.DisplayName));
        Assert.Equal(["reporter"], once.RolesHeld);
        Assert.Equal("eddie", eddie.AsDraftUser().UserName);
    }

    private static HubCallFilter Filter(IAuthorizationService authorization) => new(
        authorization,
        new HubRateLimits(new HubRateLimitOptions()),
        new GuestIdentity(new EphemeralDataProtectionProvider()),
        NullLogger<HubCallFilter>.Instance);

    private static async Task<object?> Invoke(HubCallFilter filter, Connection connection)
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        object?[] arguments = ["0123456789ab", "body", 0, JsonDocument.Parse("[]").RootElement];
        var call = new HubInvocationContext(connection, services, null!, _push, arguments);
        return await filter.InvokeMethodAsync(call, _ => ValueTask.FromResult<object?>("called"));
    }

    private sealed class CountingAuthorization(bool grant) : IAuthorizationService
    {
        public int Asked { get; private set; }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements) =>
            throw new NotSupportedException();

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName)
        {
            Asked++;
            return Task.FromResult(grant ? AuthorizationResult.Success() : AuthorizationResult.Failed());
        }
    }

    private sealed class Connection(string userName) : HubCallerContext
    {
        public override string ConnectionId { get; } = "connection-of-" + userName;

        public override string? UserIdentifier => userName;

        public override ClaimsPrincipal? User { get; } = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Name, "Rosa " + userName), new Claim(ClaimTypes.Role, "reporter")],
            "Cookies"));

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }
}
