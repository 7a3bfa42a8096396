using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>What one collection phase produced: the accepted groups (B/K of them, fewer when the rollout budget ran out) and the phase's counters.</summary>
public sealed record Collection(IReadOnlyList<GroupResult> Accepted, RiptUpdate.Acceptance Acceptance, int Late, int Rollouts, int Successes, long SimSteps, double Seconds);

/// <summary>
/// Fills the batch D for one policy version: samples contexts uniformly from the run's context set, keeps enough
/// groups in flight to use every worker, lets RiptUpdate.Acceptance decide on each finished group and when the phase is
/// done (|D| = B, or the rollout budget spent), and drops results of an older version.
/// </summary>
public sealed class RolloutScheduler(IGrainFactory grains, ContextCatalog contexts, string runId, long runSeed, int parallelism)
{
    private static readonly ILogger Logger = Log.ForContext<RolloutScheduler>();

    /// <summary>Skip a context whose last groups were all-success in the last this-many iterations (0 = never skip).</summary>
    public int SkipSolvedForIterations { get; init; }

    /// <summary>Consume results in the order jobs were issued, so D depends only on seeds and weights, not on timing.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Groups between progress lines of a long collection phase.</summary>
    private const int ProgressEvery = 20;

    private readonly Dictionary<string, int> _solvedAt = new(StringComparer.Ordinal);

    public async Task<Collection> CollectAsync(int iteration, long version, RiptOptions options, IGrainRegistry registry,
        Action<GroupResult, bool>? onGroup, CancellationToken ct)
    {
        options.Validate();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var acceptance = new RiptUpdate.Acceptance(options);
        var accepted = new List<GroupResult>();
        var rng = new Random((int)(StableSeed.Mix(runSeed, iteration) & 0x7FFFFFFF));
        var pending = new List<Task<GroupResult>>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int late = 0, rollouts = 0, successes = 0, issued = 0;
        long simSteps = 0;
        try
        {
            while (!acceptance.Done)
            {
                while (pending.Count < parallelism)
                {
                    var job = NextJob(iteration, version, options.K, rng, issued++);
                    pending.Add(grains.GetGrain<IContextGroupGrain>(job.ContextId).RunGroupAsync(job, stop.Token));
                }
                var done = Deterministic ? pending[0] : await Task.WhenAny(pending);
                pending.Remove(done);
                var result = await done;
                rollouts += result.Rewards.Length;
                successes += result.Successes;
                simSteps += result.SimSteps;
                if (result.PolicyVersion != version)
                {
                    late++;
                    await registry.RecordAsync(result, accepted: false, late: true, ct);
                    continue;
                }
                var ok = acceptance.Accept(result.Rewards);
                if (ok) accepted.Add(result);
                // Rare success can take hundreds of groups: say how the search stands every so often.
                if (acceptance.ContextsTried % ProgressEvery == 0 && !acceptance.Done)
                    Logger.Information("Iteration {Iteration}: {Tried} groups tried, {Accepted} of {Needed} accepted, {Successes}/{Rollouts} rollouts successful",
                        iteration, acceptance.ContextsTried, acceptance.Accepted, options.BatchSize / options.K, acceptance.Successes, acceptance.Rollouts);
                if (result.Successes == result.Rewards.Length) _solvedAt[result.ContextId] = iteration;
                await registry.RecordAsync(result, ok, late: false, ct);
                onGroup?.Invoke(result, ok);
            }
        }
        finally
        {
            // Groups still running belong to a full batch: cancel them and drain, so no grain is left mid-turn.
            stop.Cancel();
            foreach (var t in pending)
            {
                try { await t; }
                catch (OperationCanceledException) { }
            }
        }
        Logger.Information("Iteration {Iteration}: {Accepted} groups accepted of {Tried} tried ({AllSuccess} all-success, {AllFail} all-fail)",
            iteration, acceptance.Accepted, acceptance.ContextsTried, acceptance.RejectedAllSuccess, acceptance.RejectedAllFail);
        if (acceptance.BudgetSpent)
            Logger.Warning("Iteration {Iteration}: the rollout budget ({Rollouts} rollouts) ran out with {Accepted} of {Needed} groups accepted; updating on the partial batch",
                iteration, acceptance.Rollouts, acceptance.Accepted, options.BatchSize / options.K);
        return new Collection(accepted, acceptance, late, rollouts, successes, simSteps, started.Elapsed.TotalSeconds);
    }

    private RolloutJob NextJob(int iteration, long version, int k, Random rng, int n)
    {
        var ids = contexts.Ids;
        string id;
        var tries = 0;
        do
        {
            id = ids[rng.Next(ids.Count)];
        } while (SkipSolvedForIterations > 0 && tries++ < 10 * ids.Count
                 && _solvedAt.TryGetValue(id, out var at) && iteration - at <= SkipSolvedForIterations);
        // Seeds derive from (run seed, iteration, job number, context) so any group can be replayed.
        var seed = StableSeed.Mix(runSeed, iteration, n, StableSeed.Of(id));
        return new RolloutJob(Guid.NewGuid(), runId, iteration, version, id, k, seed);
    }
}
