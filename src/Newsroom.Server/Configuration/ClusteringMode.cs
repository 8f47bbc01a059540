namespace Newsroom.Server.Configuration;

public enum ClusteringMode
{
    /// <summary>One silo, or several on one machine given each other's ports; no membership table.</summary>
    Localhost,

    /// <summary>Silos find each other through the OrleansSiloInstances table in Azure Storage.</summary>
    AzureStorage,
}
