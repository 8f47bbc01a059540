using Newsroom.Server.Configuration;

namespace Newsroom.Server.Realtime;

/// <summary>Section <c>Newsroom:Transport</c>: the socket buffers behind every connection.</summary>
public sealed class TransportOptions
{
    public const string Section = "Newsroom:Transport";

    /// <summary>
    /// Free 4 KB socket buffers kept for reuse (1,024, 4 MB; 0 to 65,536). Enough for a steady 300-editor draft to
    /// take no new ones; a burst beyond it allocates and lets them go (<see cref="TransportBlockPools"/>).
    /// </summary>
    public int PooledBlocks { get; set; } = 1024;

    public static TransportOptions FromConfiguration(IConfiguration configuration)
    {
        TransportOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<TransportOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{Section} is invalid: {e.Message}");
        }

        if (options.PooledBlocks is < 0 or > 65_536)
        {
            throw new NewsroomConfigurationException($"{Section}:PooledBlocks ({options.PooledBlocks}) must be between 0 and 65536.");
        }

        return options;
    }
}
