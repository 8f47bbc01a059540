namespace Newsroom.Server.Configuration;

/// <summary>How many failed sign-ins are allowed before the form is refused for a while. Section <c>Newsroom:SignIn</c>.</summary>
public sealed class SignInOptions
{
    public const string Section = "Newsroom:SignIn";

    /// <summary>Wrong passwords for one user name within a window; then that account is refused until it ends.</summary>
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>
    /// Failed sign-ins from one client address within a window, whatever the user names; then that address is
    /// refused until it ends. Higher than per account: several people may share an office's address.
    /// </summary>
    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public static SignInOptions FromConfiguration(IConfiguration configuration)
    {
        SignInOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<SignInOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{Section} is invalid: {e.Message}");
        }

        if (options.FailuresPerAccount < 1 || options.FailuresPerAddress < 1)
        {
            throw new NewsroomConfigurationException(
                $"{Section}:FailuresPerAccount ({options.FailuresPerAccount}) and {Section}:FailuresPerAddress " +
                $"({options.FailuresPerAddress}) must be at least 1.");
        }

        if (options.Window < TimeSpan.FromSeconds(1) || options.Window > TimeSpan.FromDays(1))
        {
            throw new NewsroomConfigurationException($"{Section}:Window ({options.Window}) must be from 1 second to 1 day.");
        }

        return options;
    }
}
