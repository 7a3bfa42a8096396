using System.Diagnostics;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Episodes;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Grains;

/// <summary>
/// The rollout work of one context-group grain, without Orleans: K environments of the job's task over its shared
/// MjModel and a policy replica at the job's version; runs the K rollouts in lock-step and builds the GroupResult.
/// Single-threaded: the grain calls it from its own thread (the farm benchmark calls it directly).
/// </summary>
public sealed class ContextGroup(TaskModelCache tasks, PolicyLoader policies, string workerId) : IDisposable
{
    private readonly List<ManipulationEnv> _envs = [];
    private TaskModel? _task;
    private IPolicy? _policy;
    private (string Run, long Version) _loaded = ("", -1);
    private int _episodesDone;

    /// <summary>Environments built so far (K of the last job's task).</summary>
    public int Envs => _envs.Count;

    /// <summary>Episodes of the running job that have ended; read from other threads while a job runs.</summary>
    public int EpisodesDone => Volatile.Read(ref _episodesDone);

    public GroupResult Run(RolloutJob job, WeightsBlob weights, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var task = EnsureEnvs(job.TaskId, job.K);
        var policy = EnsurePolicy(weights);
        if (policy.ActionDim != task.ActionDim)
            throw new InvalidOperationException($"the policy emits {policy.ActionDim}-D actions, task {task.Spec.Id} takes {task.ActionDim}-D");
        var context = new TaskContext(job.TaskId, ContextSplit.Train, 0, 0, job.InitState);
        Volatile.Write(ref _episodesDone, 0);
        var episodes = _envs.Take(job.K).Select(env => new Episode(env, context, job.Instruction)
        {
            OnDone = (_, _) => Interlocked.Increment(ref _episodesDone),
        }).ToList();
        using var generator = new Generator((ulong)job.Seed);
        var batch = EpisodeRunner.Run(policy, episodes, ActMode.Sample, generator, RendererCache.For, record: true, ct);

        var rewards = batch.Episodes.Select(e => e.Success ? 1.0 : 0.0).ToArray();
        var allEqual = RiptUpdate.AllEqual(rewards);
        var trajectories = allEqual && !job.ShipUniform
            ? []
            : batch.Episodes.Select(e => new Trajectory(
                e.Decisions.Select(d => new TrajectoryDecision(d.Observation.State, d.Observation.Images, d.Decision.Tokens, d.Decision.Sampled, d.Decision.LogProb) { Actions = d.Decision.Actions }).ToArray(),
                e.Steps, e.Success, e.FailureReason)).ToArray();
        return new GroupResult(job.JobId, job.ContextId, job.PolicyVersion, workerId, rewards, allEqual, trajectories, batch.SimSteps,
            new GroupTimings(batch.SimTime.TotalSeconds, batch.PolicyTime.TotalSeconds, total.Elapsed.TotalSeconds),
            batch.Episodes.Where(e => e.FailureReason is not null).Select(e => e.FailureReason!).ToArray());
    }

    private TaskModel EnsureEnvs(string taskId, int k)
    {
        if (_task is not null && _task.Spec.Id != taskId)
        {
            foreach (var env in _envs) env.Dispose();
            _envs.Clear();
        }
        _task = tasks.Get(taskId);
        while (_envs.Count < k)
            _envs.Add(new ManipulationEnv(_task));
        return _task;
    }

    private IPolicy EnsurePolicy(WeightsBlob weights)
    {
        if (_loaded == (weights.RunId, weights.Version) && _policy is not null)
            return _policy;
        if (_policy is null || _loaded.Run != weights.RunId)
        {
            _policy?.Dispose();
            _policy = null;
            _policy = policies.Load(PolicyConfigJson.Deserialize(weights.PolicyConfig), weights.Weights);
        }
        else
        {
            _policy.ImportWeights(weights.Weights);
        }
        _policy.Train(false);
        _loaded = (weights.RunId, weights.Version);
        return _policy;
    }

    public void Dispose()
    {
        foreach (var env in _envs) env.Dispose();
        _envs.Clear();
        _policy?.Dispose();
        _policy = null;
    }
}
