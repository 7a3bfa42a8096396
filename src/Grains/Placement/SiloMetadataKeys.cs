namespace RiptOrleans.Grains.Placement;

/// <summary>The silo metadata keys and values RiptOrleans places grains by (declared by each silo at start).</summary>
public static class SiloMetadataKeys
{
    /// <summary>What a silo is for: <see cref="Worker"/> (rollouts), <see cref="Learner"/> (the update), or <see cref="All"/> (the embedded silo).</summary>
    public const string Role = "role";

    /// <summary>"true" on a silo whose learner updates run on a GPU.</summary>
    public const string Gpu = "gpu";

    /// <summary>Rollout groups a worker silo runs at once (its cores by default); the scheduler's in-flight target is their sum.</summary>
    public const string Slots = "slots";

    /// <summary>The message schema the silo was built with (<see cref="Abstractions.MessageSchema.Version"/>); grains are placed only on silos of the caller's.</summary>
    public const string Schema = "schema";

    public const string Worker = "worker";
    public const string Learner = "learner";
    public const string All = "all";

    /// <summary>The placement rule that matches every silo: the last resort of grains that may live anywhere.</summary>
    public const string AnySilo = "*";
}
