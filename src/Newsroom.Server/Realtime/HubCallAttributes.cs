namespace Newsroom.Server.Realtime;

/// <summary>
/// The hub method may be called only by those the policy admits; others are told
/// <see cref="Auth.NewsroomPolicies.Refusal"/>. Checked by <see cref="HubCallFilter"/> after the arguments, so a
/// malformed call is told what is malformed first.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresPolicyAttribute(string policy) : Attribute
{
    public string Policy { get; } = policy;
}

/// <summary>What the caller is told when the grain behind the method does not answer in time.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class WhenBusyAttribute(string message) : Attribute
{
    public string Message { get; } = message;
}

/// <summary>
/// A check on one argument of a hub method, declared on the parameter and run by <see cref="HubCallFilter"/>
/// before the method: it throws a <see cref="Grains.RefusalException"/> with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class HubArgumentAttribute : Attribute
{
    public abstract void Check(object? value);
}
