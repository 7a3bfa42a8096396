using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Inspection;

/// <summary>A run as the inspection pages show it: its learner's state and the curve of every iteration so far.</summary>
public sealed record RunView(string Run, string Phase, int Iteration, int Iterations, long PolicyVersion, string Silo, string? Error, string? OutDirectory,
    IReadOnlyList<RiptMetricsLine> Curve);

/// <summary>One task of a run: groups, success rate per policy version, rejections split all-success/all-fail, mean length (null: no group shipped its episodes), failure reasons.</summary>
public sealed record TaskView(string Task, int Contexts, int Groups, int Rollouts, int Successes, int Accepted, int RejectedAllSuccess, int RejectedAllFail,
    int Late, double? MeanEpisodeLength, IReadOnlyDictionary<long, double> SuccessRateByVersion, IReadOnlyDictionary<string, int> FailureReasons)
{
    public double SuccessRate => Rollouts == 0 ? 0 : (double)Successes / Rollouts;
}

/// <summary>One context of a task: the registry's statistics and the context-group grains (replicas) that ran it, with their state.</summary>
public sealed record ContextView(string Context, int Groups, int Rollouts, int Successes, int Accepted, int RejectedAllSuccess, int RejectedAllFail, int Late,
    double? MeanEpisodeLength, IReadOnlyDictionary<long, double> SuccessRateByVersion, IReadOnlyDictionary<string, int> FailureReasons,
    IReadOnlyList<ReplicaView> Replicas)
{
    public double SuccessRate => Rollouts == 0 ? 0 : (double)Successes / Rollouts;
}

/// <summary>One context-group grain (key context or context#r) as its GetState reports it.</summary>
public sealed record ReplicaView(string Grain, string Silo, int Groups, int Rollouts, int Successes, long PolicyVersion, string? RunningJob, int EpisodesDone, int Envs);

/// <summary>One silo of the cluster: status, declared metadata, and the RiptOrleans grains it hosts.</summary>
public sealed record SiloView(string Silo, string Name, string Status, string? Role, bool Gpu, int? Slots, int? Schema, IReadOnlyDictionary<string, int> Grains,
    IReadOnlyList<string> ContextGroups);

/// <summary>Everything `ript inspect` and the overview page show at once.</summary>
public sealed record ClusterView(IReadOnlyList<RunView> Runs, IReadOnlyList<SiloView> Silos);
