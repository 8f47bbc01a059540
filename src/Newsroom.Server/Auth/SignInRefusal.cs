namespace Newsroom.Server.Auth;

/// <summary>A sign-in the throttle refuses without checking the password.</summary>
/// <param name="RetryAfter">At most the window's length: the fixed window may end sooner.</param>
/// <param name="Reason">Whose count ran out: "the account", "the address", or both.</param>
public sealed record SignInRefusal(TimeSpan RetryAfter, string Reason);
