namespace RiptOrleans.Silo.Hosting;

/// <summary>Where a run goes: the embedded silo (serving the dashboard and inspection pages at <paramref name="Web"/> when set), or a cluster's Redis.</summary>
internal sealed record RunTarget(ClusterAddress? Cluster, string ClusterId, WebEndpoint? Web)
{
    /// <summary>One in-process silo, no web pages: DESIGN §3's default.</summary>
    public static RunTarget Embedded { get; } = new(null, "ript", null);
}
