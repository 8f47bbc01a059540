using System.Net;

namespace Newsroom.Server.Configuration;

/// <summary>How this silo joins its cluster. Section <c>Newsroom:Cluster</c>.</summary>
public sealed class NewsroomClusterOptions
{
    public const string Section = "Newsroom:Cluster";

    public ClusteringMode Clustering { get; set; } = ClusteringMode.Localhost;

    /// <summary>Silos with the same cluster id form one cluster; tests use a fresh one per run.</summary>
    public string ClusterId { get; set; } = "newsroom-dev";

    /// <summary>Names the stored grain state: keep it the same across deployments.</summary>
    public string ServiceId { get; set; } = "newsroom";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering only: the first silo's silo endpoint (host:port), for a second silo.</summary>
    public string? PrimarySiloEndpoint { get; set; }

    /// <summary>The address other silos reach this one at; defaults to this host's first address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How long a grain call may take before the caller gives up (Orleans' response timeout). A push that runs
    /// out of it is answered "did not answer in time"; it may still be stored, and resending it is safe.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often each silo probes the others, and how long a probe may take (Orleans' <c>ProbeTimeout</c>). With
    /// <see cref="MissedProbesLimit"/> it decides how soon a dead silo is declared dead and its grains come back
    /// elsewhere: about their product plus a vote. Orleans' defaults (5 s, 3 missed) take 15–20 s; here 2 s and 2
    /// missed take about 5 s. Shorter would be quicker still, but a silo stopped that long by a collection or a starved
    /// CPU would be voted dead while alive, and a silo declared dead stops itself (README "Running several silos").
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes a silo may miss in a row before its prober votes it dead (Orleans' <c>NumMissedProbesLimit</c>).</summary>
    public int MissedProbesLimit { get; set; } = 2;

    public static NewsroomClusterOptions FromConfiguration(IConfiguration configuration)
    {
        NewsroomClusterOptions options;
        try
        {
            options = configuration.GetSection(Section).Get<NewsroomClusterOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            throw new NewsroomConfigurationException($"{Section} is invalid: {e.Message}");
        }

        options.Validate();
        return options;
    }

    public IPEndPoint? ParsePrimarySiloEndpoint() =>
        PrimarySiloEndpoint is { Length: > 0 } text ? IPEndPoint.Parse(text) : null;

    private void Validate()
    {
        if (SiloPort is < 1 or > 65535 || GatewayPort is < 1 or > 65535 || SiloPort == GatewayPort)
        {
            throw new NewsroomConfigurationException(
                $"{Section}:SiloPort ({SiloPort}) and {Section}:GatewayPort ({GatewayPort}) must be distinct ports from 1 to 65535.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new NewsroomConfigurationException($"{Section}:ClusterId and {Section}:ServiceId must not be empty.");
        }

        if (PrimarySiloEndpoint is { Length: > 0 } primary && !IPEndPoint.TryParse(primary, out _))
        {
            throw new NewsroomConfigurationException(
                $"{Section}:PrimarySiloEndpoint '{primary}' is not an address:port such as 127.0.0.1:11111.");
        }

        if (ResponseTimeout <= TimeSpan.Zero)
        {
            throw new NewsroomConfigurationException($"{Section}:ResponseTimeout ({ResponseTimeout}) must be positive.");
        }

        if (ProbeTimeout < TimeSpan.FromMilliseconds(500) || ProbeTimeout > TimeSpan.FromMinutes(1))
        {
            throw new NewsroomConfigurationException($"{Section}:ProbeTimeout ({ProbeTimeout}) must be from 0.5 s to 1 minute.");
        }

        if (MissedProbesLimit is < 1 or > 10)
        {
            throw new NewsroomConfigurationException($"{Section}:MissedProbesLimit ({MissedProbesLimit}) must be from 1 to 10.");
        }

        if (AdvertisedAddress is { Length: > 0 } advertised && !IPAddress.TryParse(advertised, out _))
        {
            throw new NewsroomConfigurationException($"{Section}:AdvertisedAddress '{advertised}' is not an IP address.");
        }
    }
}
