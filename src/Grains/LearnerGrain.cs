using System.Diagnostics;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Torch;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// The learner of one run (keyed by run id): collects D through the scheduler at the current version, turns accepted
/// groups into RLOO samples, runs the RIPT update on all cores, and publishes the next weights version.
/// </summary>
public sealed class LearnerGrain : ILearnerGrain
{
    private static readonly ILogger Logger = Log.ForContext<LearnerGrain>();
    private readonly IPolicy _policy;
    private readonly Optim.AdamW _optimizer;
    private readonly RolloutScheduler _scheduler;
    private readonly IGrainRegistry _registry;
    private readonly GrainServices _services;
    private readonly RiptOptions _options;
    private readonly long _runSeed;

    /// <param name="policy">The learning copy, already at <paramref name="version"/>'s weights.</param>
    public LearnerGrain(IPolicy policy, Optim.AdamW optimizer, RolloutScheduler scheduler, IGrainRegistry registry, GrainServices services,
        RiptOptions options, long runSeed, long version)
    {
        options.Validate();
        (_policy, _optimizer, _scheduler, _registry, _services, _options, _runSeed) = (policy, optimizer, scheduler, registry, services, options, runSeed);
        Version = version;
        _services.Weights.Publish(version, policy.ExportWeights(version));
    }

    /// <summary>The version rollouts are collected at; bumped by each update.</summary>
    public long Version { get; private set; }

    /// <summary>Threads libtorch uses for the update (rollouts use one per grain).</summary>
    public int UpdateThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Called after each finished group (progress display).</summary>
    public Action<GroupResult, bool>? OnGroup { get; init; }

    public async Task<IterationReport> RunIterationAsync(int iteration, CancellationToken ct)
    {
        Torch.Threads = 1;
        var collection = await _scheduler.CollectAsync(iteration, Version, _options, _registry, OnGroup, ct);

        var learner = Stopwatch.StartNew();
        Torch.Threads = UpdateThreads;
        var samples = ToSamples(collection.Accepted);
        var metrics = RiptUpdate.Update(_policy, _optimizer, samples, _options, new Random((int)(StableSeed.Mix(_runSeed, iteration, 1) & 0x7FFFFFFF)));
        Version++;
        _services.Weights.Publish(Version, _policy.ExportWeights(Version));
        var a = collection.Acceptance;
        Logger.Information("Iteration {Iteration}: v{Version}, loss {Loss:F4}, clip {Clip:F3}, kl {Kl:F5}, {Seconds:F1}s update",
            iteration, Version, metrics.PolicyLoss, metrics.ClipFraction, metrics.ApproxKl, learner.Elapsed.TotalSeconds);
        return new IterationReport(iteration, Version, a.ContextsTried, a.Accepted, a.RejectedAllSuccess, a.RejectedAllFail, collection.Late,
            collection.Rollouts, collection.Successes, collection.SimSteps, collection.Seconds, learner.Elapsed.TotalSeconds, metrics,
            -samples.SelectMany(s => s.SampledLogProbs).DefaultIfEmpty(0).Average());
    }

    /// <summary>K samples per accepted group, each with its leave-one-out advantage.</summary>
    private List<RiptSample> ToSamples(IReadOnlyList<GroupResult> groups)
    {
        var samples = new List<RiptSample>();
        foreach (var g in groups)
        {
            var task = _services.Tasks.Get(ContextCatalog.TaskIdOf(g.ContextId));
            var instruction = task.Spec.Instruction;
            var advantages = RiptUpdate.LeaveOneOutAdvantages(g.Rewards);
            for (var k = 0; k < g.Trajectories.Count; k++)
            {
                var t = g.Trajectories[k];
                var decisions = t.Decisions.Select(d => new ScoredDecision(new PolicyObservation(d.State, d.Images, instruction, task.Observation.Fields), d.Tokens, d.Sampled)).ToList();
                samples.Add(new RiptSample(g.ContextId, decisions, t.Decisions.Select(d => d.LogProb).ToArray(), advantages[k], t.Success));
            }
        }
        return samples;
    }
}
