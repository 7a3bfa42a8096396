using System.Globalization;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Inspection;

/// <summary>
/// Reads the cluster's state for the inspection pages and `ript inspect`, from inside the silo that serves them: runs
/// (learner grains and their metrics), per-task and per-context statistics (the run's registry grain), context-group
/// grains (their GetState), and silos with their metadata and grains (the management grain). Reads only: it activates
/// no grain that is not already there.
/// </summary>
public sealed class ClusterInspector(IGrainFactory grains, IClusterMembershipService membership, ISiloMetadataCache metadata)
{
    private static readonly string LearnerType = nameof(LearnerGrain);
    private static readonly string ContextGroupType = nameof(ContextGroupGrain);

    private async Task<List<(string Type, string Key, SiloAddress Silo)>> ActivationsAsync()
    {
        var stats = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null);
        return stats.Select(s => (ShortType(s.GrainType), s.GrainId.Key.ToString() ?? "", s.SiloAddress)).ToList();
    }

    /// <summary>"RiptOrleans.Grains.ContextGroupGrain,RiptOrleans.Grains" or a grain type name → ContextGroupGrain.</summary>
    private static string ShortType(string type)
    {
        var name = type.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    public async Task<ClusterView> OverviewAsync() => new(await RunsAsync(), await SilosAsync());

    public async Task<IReadOnlyList<RunView>> RunsAsync()
    {
        var keys = (await ActivationsAsync()).Where(a => a.Type == LearnerType).Select(a => a.Key).Distinct().Order(StringComparer.Ordinal);
        var runs = new List<RunView>();
        foreach (var key in keys)
            runs.Add(await RunAsync(key));
        return runs;
    }

    public async Task<RunView> RunAsync(string runId)
    {
        var learner = grains.GetGrain<ILearnerGrain>(runId);
        var state = await learner.GetState();
        IReadOnlyList<RiptMetricsLine> curve;
        var metricsPath = state.OutDirectory is null ? null : Path.Combine(state.OutDirectory, "metrics.jsonl");
        // The whole run (a resumed one too) when the run directory is on this host; else the iterations of the learner's session.
        if (metricsPath is not null && File.Exists(metricsPath))
            curve = RiptMetricsLine.ReadAll(metricsPath);
        else
            curve = (await learner.GetProgressAsync(0, int.MaxValue, default)).Iterations.Select(r => RiptRun.Line(r, 0, null)).ToList();
        return new RunView(runId, state.Phase.ToString(), state.Iteration, state.Iterations, state.PolicyVersion, state.Silo, state.Error, state.OutDirectory, curve);
    }

    /// <summary>The run to show when none is named: the only one, else the one that is running, else the first.</summary>
    public async Task<string?> DefaultRunAsync()
    {
        var runs = await RunsAsync();
        return (runs.FirstOrDefault(r => r.Phase == nameof(RunPhase.Running)) ?? runs.FirstOrDefault())?.Run;
    }

    public async Task<IReadOnlyList<TaskView>> TasksAsync(string runId)
    {
        var contexts = await grains.GetGrain<IGrainRegistry>(runId).GetContextsAsync(null);
        return contexts.GroupBy(c => TaskOf(c.ContextId)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var measured = g.Sum(c => c.MeasuredEpisodes);
            return new TaskView(g.Key, g.Count(), g.Sum(c => c.Groups), g.Sum(c => c.Rollouts), g.Sum(c => c.Successes), g.Sum(c => c.Accepted),
                g.Sum(c => c.RejectedAllSuccess), g.Sum(c => c.RejectedAllFail), g.Sum(c => c.Late),
                measured == 0 ? null : g.Sum(c => c.MeanEpisodeLength * c.MeasuredEpisodes) / measured,
                ByVersion(g.SelectMany(c => c.ByVersion)), Merge(g.Select(c => c.FailureReasons)));
        }).ToList();
    }

    public async Task<IReadOnlyList<ContextView>> ContextsAsync(string runId, string? taskId, string? contextId = null)
    {
        var stats = await grains.GetGrain<IGrainRegistry>(runId).GetContextsAsync(taskId);
        if (contextId is not null) stats = stats.Where(c => c.ContextId == contextId).ToArray();
        var replicas = (await ActivationsAsync()).Where(a => a.Type == ContextGroupType).Select(a => a.Key).ToList();
        var views = new List<ContextView>();
        foreach (var c in stats)
        {
            var states = new List<ReplicaView>();
            foreach (var key in replicas.Where(k => k == c.ContextId || k.StartsWith(c.ContextId + "#", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var s = await grains.GetGrain<IContextGroupGrain>(key).GetState();
                states.Add(new ReplicaView(key, s.Silo, s.Groups, s.Rollouts, s.Successes, s.PolicyVersion, s.RunningJob?.ToString(), s.EpisodesDone, s.Envs));
            }
            views.Add(new ContextView(c.ContextId, c.Groups, c.Rollouts, c.Successes, c.Accepted, c.RejectedAllSuccess, c.RejectedAllFail, c.Late,
                c.MeasuredEpisodes == 0 ? null : c.MeanEpisodeLength, ByVersion(c.ByVersion), c.FailureReasons, states));
        }
        return views;
    }

    public async Task<IReadOnlyList<SiloView>> SilosAsync()
    {
        var activations = await ActivationsAsync();
        return membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status != SiloStatus.Dead)
            .OrderBy(m => m.SiloAddress.ToString(), StringComparer.Ordinal)
            .Select(m =>
            {
                var md = metadata.GetSiloMetadata(m.SiloAddress).Metadata;
                var here = activations.Where(a => a.Silo.Equals(m.SiloAddress) && a.Type.EndsWith("Grain", StringComparison.Ordinal)
                                                  && !a.Type.StartsWith("Dashboard", StringComparison.Ordinal) && !a.Type.Contains("Management", StringComparison.Ordinal)).ToList();
                return new SiloView(m.SiloAddress.ToString(), m.Name, m.Status.ToString(), md.GetValueOrDefault(SiloMetadataKeys.Role),
                    md.GetValueOrDefault(SiloMetadataKeys.Gpu) == "true", Int(md.GetValueOrDefault(SiloMetadataKeys.Slots)), Int(md.GetValueOrDefault(SiloMetadataKeys.Schema)),
                    here.GroupBy(a => a.Type).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
                    here.Where(a => a.Type == ContextGroupType).Select(a => a.Key).Order(StringComparer.Ordinal).ToList());
            }).ToList();
    }

    /// <summary>suite/task/index (or index#r) → suite/task.</summary>
    public static string TaskOf(string contextId)
    {
        var slash = contextId.LastIndexOf('/');
        return slash < 0 ? contextId : contextId[..slash];
    }

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IReadOnlyDictionary<long, double> ByVersion(IEnumerable<KeyValuePair<long, VersionStats>> stats) =>
        stats.GroupBy(kv => kv.Key).OrderBy(g => g.Key).ToDictionary(g => g.Key, g =>
        {
            var rollouts = g.Sum(kv => kv.Value.Rollouts);
            return rollouts == 0 ? 0 : (double)g.Sum(kv => kv.Value.Successes) / rollouts;
        });

    private static IReadOnlyDictionary<string, int> Merge(IEnumerable<IReadOnlyDictionary<string, int>> maps) =>
        maps.SelectMany(m => m).GroupBy(kv => kv.Key).OrderByDescending(g => g.Sum(kv => kv.Value)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
}
