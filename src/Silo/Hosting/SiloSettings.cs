using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Silo.Hosting;

/// <summary>How a silo joins its cluster: the embedded single silo on loopback, or membership the caller configures (test clusters, Redis).</summary>
public enum ClusteringMode
{
    /// <summary>One silo on 127.0.0.1 (UseLocalhostClustering): the default of `ript train|quickstart|bench farm`, no external service.</summary>
    Localhost,

    /// <summary>The caller sets membership up (Orleans' TestingHost in tests; Redis for `ript silo`).</summary>
    External,
}

/// <summary>Everything that distinguishes one RiptOrleans silo: its role and GPU (placement metadata), how it clusters, its ports and name.</summary>
/// <param name="Role">worker (rollouts), learner (the update), or all (the embedded silo does both).</param>
/// <param name="SiloPort">Silo-to-silo port; 0 picks a free one (several embedded silos may run on one machine).</param>
/// <param name="GatewayPort">Client gateway port; 0 picks a free one.</param>
public sealed record SiloSettings(string Role = SiloMetadataKeys.All, bool Gpu = false, ClusteringMode Clustering = ClusteringMode.Localhost,
    int SiloPort = 0, int GatewayPort = 0)
{
    /// <summary>Cluster and service id (silos of one cluster share them).</summary>
    public string ClusterId { get; init; } = "ript";

    /// <summary>Largest message body: policies travel as one WeightsBlob, and Orleans' 100 MB default turns an oversized one into a misleading SiloUnavailableException.</summary>
    public int MaxMessageBodySize { get; init; } = 512 << 20;

    /// <summary>The metadata this silo declares; placement filters read it (PreferSiloMetadataAttribute).</summary>
    public Dictionary<string, string> Metadata() => new()
    {
        [SiloMetadataKeys.Role] = Role,
        [SiloMetadataKeys.Gpu] = Gpu ? "true" : "false",
    };
}
