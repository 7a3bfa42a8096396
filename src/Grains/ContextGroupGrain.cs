using System.Diagnostics;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// The grain of one context: K environments of its task over one shared MjModel and a policy replica at the job's
/// version; runs the K rollouts with one batched policy forward per decision and reports rewards, the all-equal flag
/// and (unless all-equal) the trajectories.
/// </summary>
public sealed class ContextGroupGrain(string contextId, GrainServices services) : IContextGroupGrain, IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<ContextGroupGrain>();
    private readonly List<ManipulationEnv> _envs = [];
    private IPolicy? _policy;
    private long _version = -1;

    public string ContextId => contextId;

    public Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct)
    {
        if (job.ContextId != contextId)
            throw new ArgumentException($"job {job.JobId} is for context {job.ContextId}, this grain is {contextId}", nameof(job));
        // One turn at a time is the host's guarantee; the rollout itself is synchronous CPU work on this thread.
        return Task.FromResult(Run(job, ct));
    }

    private GroupResult Run(RolloutJob job, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var context = services.Contexts.Get(contextId);
        var task = services.Tasks.Get(context.TaskId);
        EnsureEnvs(task, job.K);
        var policy = EnsurePolicy(job.PolicyVersion);
        if (policy.ActionDim != task.ActionDim)
            throw new InvalidOperationException($"the policy emits {policy.ActionDim}-D actions, task {task.Spec.Id} takes {task.ActionDim}-D");
        var config = policy.Config;
        var k = job.K;
        var obsSize = task.Observation.Size;
        var obs = new float[k][];
        var steps = new int[k];
        var done = new bool[k];
        var success = new bool[k];
        var failure = new string?[k];
        var decisions = new List<TrajectoryDecision>[k];
        for (var i = 0; i < k; i++)
        {
            obs[i] = new float[obsSize];
            decisions[i] = [];
            _envs[i].Reset(context, obs[i]);
        }

        long simSteps = 0;
        var simTime = TimeSpan.Zero;
        var policyTime = TimeSpan.Zero;
        var action = new double[task.ActionDim];
        using var generator = new Generator((ulong)job.Seed);
        using var noGrad = Grad.Disabled();
        var live = Enumerable.Range(0, k).ToList();
        while (live.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var t0 = Stopwatch.GetTimestamp();
            var batch = live.Select(i => new PolicyObservation((float[])obs[i].Clone(),
                PolicyCameras.Render(config, task.Model, _envs[i].Data, size => RendererCache.For(task.Model, size)), task.Spec.Instruction,
                task.Observation.Fields)).ToList();
            IReadOnlyList<PolicyDecision> chosen;
            using (TensorScope.Open())
                chosen = policy.Act(batch, ActMode.Sample, generator);
            policyTime += Stopwatch.GetElapsedTime(t0);

            t0 = Stopwatch.GetTimestamp();
            for (var j = 0; j < live.Count; j++)
            {
                var i = live[j];
                var d = chosen[j];
                decisions[i].Add(new TrajectoryDecision(batch[j].State, batch[j].Images, d.Tokens, d.Sampled, d.LogProb));
                for (var s = 0; s < policy.ExecuteSteps && !done[i]; s++)
                {
                    for (var a = 0; a < action.Length; a++) action[a] = d.Actions[s * action.Length + a];
                    try
                    {
                        var r = _envs[i].Step(action, obs[i]);
                        steps[i]++;
                        simSteps += _envs[i].Rig.Substeps;
                        if (r.Done)
                            (done[i], success[i], failure[i]) = (true, r.Success, r.FailureReason);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // An env that throws fails its episode with a reason; the grain and the group go on.
                        (done[i], success[i], failure[i]) = (true, false, $"error: {e.Message}");
                        Logger.Warning(e, "Episode {Episode} of {ContextId} failed at step {Step}", i, contextId, steps[i]);
                    }
                }
            }
            simTime += Stopwatch.GetElapsedTime(t0);
            live.RemoveAll(i => done[i]);
        }

        var rewards = success.Select(s => s ? 1.0 : 0.0).ToArray();
        var allEqual = RiptUpdate.AllEqual(rewards);
        var trajectories = allEqual
            ? []
            : Enumerable.Range(0, k).Select(i => new Trajectory(decisions[i], steps[i], success[i], failure[i])).ToList();
        return new GroupResult(job.JobId, contextId, job.PolicyVersion, services.WorkerId, rewards, allEqual, trajectories, simSteps,
            new GroupTimings(simTime.TotalSeconds, policyTime.TotalSeconds, total.Elapsed.TotalSeconds),
            failure.Where(f => f is not null).Select(f => f!).ToList());
    }

    private void EnsureEnvs(TaskModel task, int k)
    {
        while (_envs.Count < k)
            _envs.Add(new ManipulationEnv(task));
    }

    private IPolicy EnsurePolicy(long version)
    {
        _policy ??= services.CreatePolicy();
        if (_version != version)
        {
            _policy.ImportWeights(services.Weights.Get(version));
            _policy.Train(false);
            _version = version;
        }
        return _policy;
    }

    public void Dispose()
    {
        foreach (var env in _envs) env.Dispose();
        _policy?.Dispose();
    }
}
