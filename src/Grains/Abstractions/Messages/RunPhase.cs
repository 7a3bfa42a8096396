namespace RiptOrleans.Grains.Abstractions.Messages;

/// <summary>Where a run stands.</summary>
[GenerateSerializer, Alias("ript.RunPhase")]
public enum RunPhase
{
    /// <summary>The learner holds no run (fresh activation).</summary>
    Idle,
    Running,
    Finished,
    Failed,

    /// <summary>The learner's silo is stopping: the run stopped at its last checkpoint; start it again with Resume elsewhere.</summary>
    Interrupted,
}
