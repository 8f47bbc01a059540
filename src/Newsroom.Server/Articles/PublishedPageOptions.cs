using Newsroom.Server.Configuration;

namespace Newsroom.Server.Articles;

/// <summary>Section <c>Newsroom:PublishedPages</c>: how the reader pages are kept rendered (<see cref="PublishedPages"/>).</summary>
public sealed class PublishedPageOptions
{
    public const string Section = "Newsroom:PublishedPages";

    /// <summary>
    /// The longest a rendered page is kept. A publish empties the cache at once on every silo; this only bounds
    /// staleness when that news is lost, and costs one render per page per period.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Memory for rendered pages on each silo (ASP.NET Core's default is 100 MB).</summary>
    public int SizeLimitMegabytes { get; set; } = 100;

    public static PublishedPageOptions Validate(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<PublishedPageOptions>() ?? new();
        if (options.MaxAge < TimeSpan.Zero || options.MaxAge > TimeSpan.FromDays(1))
        {
            throw new NewsroomConfigurationException($"{Section}:MaxAge ({options.MaxAge}) must be between 00:00:00 (pages not kept) and 1.00:00:00.");
        }

        if (options.SizeLimitMegabytes is < 1 or > 64 * 1024)
        {
            throw new NewsroomConfigurationException($"{Section}:SizeLimitMegabytes ({options.SizeLimitMegabytes}) must be between 1 and 65536.");
        }

        return options;
    }
}
