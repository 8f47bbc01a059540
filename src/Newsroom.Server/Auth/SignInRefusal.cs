namespace Newsroom.Server.Auth;

/// <param name="RetryAfter">At most the window's length: the fixed window may end sooner.</param>
/// <param name="Reason">Whose count ran out: "the account", "the address", or both.</param>
public sealed record SignInRefusal(TimeSpan RetryAfter, string Reason);
