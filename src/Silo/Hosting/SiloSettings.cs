using System.Net;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Placement;

namespace RiptOrleans.Silo.Hosting;

/// <summary>How a silo joins its cluster: the embedded single silo on loopback, membership in Redis, or membership the caller configures (tests).</summary>
public enum ClusteringMode
{
    /// <summary>One silo on 127.0.0.1 (UseLocalhostClustering): the default of `ript train|quickstart|bench farm`, no external service.</summary>
    Localhost,

    /// <summary>The caller sets membership up (Orleans' TestingHost in tests).</summary>
    External,

    /// <summary>Membership in Redis (`ript silo --cluster redis://...`), the distributed grain directory, fixed endpoints.</summary>
    Redis,
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

    /// <summary>The Redis server holding membership (<see cref="ClusteringMode.Redis"/>).</summary>
    public ClusterAddress? Cluster { get; init; }

    /// <summary>The address other silos and clients reach this one at; a non-loopback one also makes the silo listen on every interface.</summary>
    public IPAddress AdvertisedAddress { get; init; } = IPAddress.Loopback;

    /// <summary>Rollout groups this silo runs at once (the scheduler's in-flight target is the workers' sum).</summary>
    public int Slots { get; init; } = Environment.ProcessorCount;

    /// <summary>The silo's name in membership, the dashboard and logs; null lets Orleans pick one.</summary>
    public string? Name { get; init; }

    /// <summary>The message schema this silo declares (the build's; tests set another to check that the cluster refuses it).</summary>
    public int Schema { get; init; } = MessageSchema.Version;

    /// <summary>Where the Orleans Dashboard and the inspection pages listen; null: no web endpoint.</summary>
    public WebEndpoint? Web { get; init; }

    /// <summary>The metadata this silo declares; placement filters and the scheduler's worker pool read it.</summary>
    public Dictionary<string, string> Metadata() => new()
    {
        [SiloMetadataKeys.Role] = Role,
        [SiloMetadataKeys.Gpu] = Gpu ? "true" : "false",
        [SiloMetadataKeys.Slots] = Slots.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [SiloMetadataKeys.Schema] = Schema.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
