namespace RiptOrleans.Grains.Placement;

/// <summary>The silo metadata keys and values RiptOrleans places grains by (declared by each silo at start).</summary>
public static class SiloMetadataKeys
{
    /// <summary>What a silo is for: <see cref="Worker"/> (rollouts), <see cref="Learner"/> (the update), or <see cref="All"/> (the embedded silo).</summary>
    public const string Role = "role";

    /// <summary>"true" on a silo whose learner updates run on a GPU.</summary>
    public const string Gpu = "gpu";

    public const string Worker = "worker";
    public const string Learner = "learner";
    public const string All = "all";
}
