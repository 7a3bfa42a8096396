using System.Diagnostics;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Rendering;
using Serilog;

namespace RiptOrleans.Learner.Episodes;

/// <summary>
/// Runs a batch of episodes in lock-step, the one loop behind context-group rollouts and evaluation: every live
/// episode decides at the same time with one batched policy forward, executes the decision's steps, and drops out
/// when it ends. An env that throws fails its episode with an "error: ..." reason; the batch goes on.
/// </summary>
public static class EpisodeRunner
{
    private static readonly ILogger Logger = Log.ForContext(typeof(EpisodeRunner));

    /// <param name="renderer">The calling thread's renderer of a model at a size (GL contexts are thread-bound).</param>
    /// <param name="record">Keep every decision in the outcomes (RIPT trajectories); evaluation does not need them.</param>
    public static EpisodeBatchResult Run(IPolicy policy, IReadOnlyList<Episode> episodes, ActMode mode, Generator generator,
        Func<MjModel, int, Renderer> renderer, bool record, CancellationToken ct = default)
    {
        var config = policy.Config;
        var n = episodes.Count;
        var obs = new float[n][];
        var steps = new int[n];
        var done = new bool[n];
        var success = new bool[n];
        var failure = new string?[n];
        var decisions = new List<RecordedDecision>[n];
        var outcomes = new EpisodeOutcome?[n];
        for (var i = 0; i < n; i++)
        {
            if (episodes[i].Env.ActionDim != policy.ActionDim)
                throw new ArgumentException($"task {episodes[i].Env.Task.Spec.Id} takes {episodes[i].Env.ActionDim}-D actions, the policy gives {policy.ActionDim}-D");
            obs[i] = new float[episodes[i].Env.Task.Observation.Size];
            decisions[i] = [];
            episodes[i].Env.Reset(episodes[i].Context, obs[i]);
        }

        long simSteps = 0;
        var simTime = TimeSpan.Zero;
        var policyTime = TimeSpan.Zero;
        var live = Enumerable.Range(0, n).ToList();
        using var noGrad = Grad.Disabled();
        while (live.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var t0 = Stopwatch.GetTimestamp();
            var batch = live.Select(i =>
            {
                var env = episodes[i].Env;
                var model = env.Task.Model;
                return new PolicyObservation((float[])obs[i].Clone(), PolicyCameras.Render(config, model, env.Data, size => renderer(model, size)),
                    episodes[i].Instruction, env.Task.Observation.Fields);
            }).ToList();
            IReadOnlyList<PolicyDecision> chosen;
            using (TensorScope.Open())
                chosen = policy.Act(batch, mode, generator);
            policyTime += Stopwatch.GetElapsedTime(t0);

            t0 = Stopwatch.GetTimestamp();
            for (var j = 0; j < live.Count; j++)
            {
                var i = live[j];
                var e = episodes[i];
                var d = chosen[j];
                if (record) decisions[i].Add(new RecordedDecision(batch[j], d));
                var action = new double[policy.ActionDim];
                for (var s = 0; s < policy.ExecuteSteps && !done[i]; s++)
                {
                    for (var a = 0; a < action.Length; a++) action[a] = d.Actions[s * action.Length + a];
                    try
                    {
                        e.BeforeStep?.Invoke(e.Env);
                        var r = e.Env.Step(action, obs[i]);
                        steps[i]++;
                        simSteps += e.Env.Rig.Substeps;
                        if (r.Done)
                            (done[i], success[i], failure[i]) = (true, r.Success, r.FailureReason);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        (done[i], success[i], failure[i]) = (true, false, $"error: {ex.Message}");
                        Logger.Warning(ex, "Episode {Episode} of {ContextId} failed at step {Step}", i, e.Context.Id, steps[i]);
                    }
                }
                if (done[i])
                {
                    outcomes[i] = new EpisodeOutcome(success[i], steps[i], failure[i], decisions[i]);
                    e.OnDone?.Invoke(e.Env, outcomes[i]!);
                }
            }
            simTime += Stopwatch.GetElapsedTime(t0);
            live.RemoveAll(i => done[i]);
        }
        return new EpisodeBatchResult(outcomes.Select(o => o!).ToList(), simSteps, simTime, policyTime);
    }
}
