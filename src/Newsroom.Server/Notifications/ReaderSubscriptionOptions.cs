using Newsroom.Server.Configuration;

namespace Newsroom.Server.Notifications;

/// <summary>Section <c>Newsroom:Notifications:Readers</c>: how guests subscribe from the comment widget.</summary>
public sealed class ReaderSubscriptionOptions
{
    public const string Section = "Newsroom:Notifications:Readers";

    /// <summary>How long a confirmation link works: long enough for a reader who reads mail once a day.</summary>
    public TimeSpan ConfirmationLifetime { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The lifetime as a reader is told it: "48 hours", "30 minutes", "1 second".</summary>
    public string LifetimeText => ConfirmationLifetime switch
    {
        { TotalHours: >= 1 } t when t.TotalHours % 1 == 0 => Count((int)t.TotalHours, "hour"),
        { TotalMinutes: >= 1 } t => Count((int)Math.Ceiling(t.TotalMinutes), "minute"),
        var t => Count((int)Math.Ceiling(t.TotalSeconds), "second"),
    };

    /// <summary>The options of the section, or a <see cref="NewsroomConfigurationException"/> naming the wrong setting.</summary>
    public static ReaderSubscriptionOptions FromConfiguration(IConfiguration configuration)
    {
        ReaderSubscriptionOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<ReaderSubscriptionOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{Section} is invalid: {e.Message}");
        }

        if (options.ConfirmationLifetime < TimeSpan.FromSeconds(1) || options.ConfirmationLifetime > TimeSpan.FromDays(30))
        {
            throw new NewsroomConfigurationException(
                $"{Section}:{nameof(ConfirmationLifetime)} ({options.ConfirmationLifetime}) must be from 1 second to 30 days.");
        }

        return options;
    }

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
