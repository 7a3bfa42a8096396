using System.Diagnostics;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Randomness;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>What one collection phase produced: the accepted groups (B/K of them, fewer when the rollout budget ran out) and the phase's counters.</summary>
public sealed record Collection(IReadOnlyList<GroupResult> Accepted, RiptUpdate.Acceptance Acceptance, int Late, int Rollouts, int Successes,
    long SimSteps, double Seconds, int Reissued, int Duplicates);

/// <summary>
/// Fills the batch D for one policy version: samples contexts uniformly from the run's context set, keeps
/// <see cref="Parallelism"/> groups in flight (several replicas of one context when it comes up again, so one context
/// uses every core), lets RiptUpdate.Acceptance decide on each finished group and when the phase is done (|D| = B, or
/// the rollout budget spent), and drops results of an older version.
/// A group whose call fails (its silo died) is reissued under the same JobId; a JobId is counted once.
/// </summary>
public sealed class RolloutScheduler(IGrainFactory grains, ContextCatalog contexts, string runId, long runSeed, int parallelism)
{
    private static readonly ILogger Logger = Log.ForContext<RolloutScheduler>();

    /// <summary>Groups in flight at once (one per worker core).</summary>
    public int Parallelism { get; set; } = parallelism;

    /// <summary>Skip a context whose last groups were all-success in the last this-many iterations (0 = never skip).</summary>
    public int SkipSolvedForIterations { get; init; }

    /// <summary>Consume results in the order jobs were issued, so D depends only on seeds and weights, not on timing or failures.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Calls of one job before the iteration gives up on it: with the back-off (up to 2 s) about a minute, longer than
    /// a silo takes to be declared dead, after which the retried call reactivates the grain on a live silo.</summary>
    public int MaxAttempts { get; init; } = 32;

    /// <summary>Runs before a lost group is reissued (the learner republishes the weights, which may have died with a silo).</summary>
    public Func<Task>? BeforeReissue { get; init; }

    /// <summary>Groups between progress lines of a long collection phase.</summary>
    private const int ProgressEvery = 20;

    private readonly Dictionary<string, int> _solvedAt = new(StringComparer.Ordinal);

    private sealed record InFlight(RolloutJob Job, int Replica, int Attempt, Task<GroupResult> Call, long IssuedAt);

    public async Task<Collection> CollectAsync(int iteration, long version, RiptOptions options, IGrainRegistry registry,
        Action<GroupEvent>? onGroup, CancellationToken ct)
    {
        options.Validate();
        var started = Stopwatch.StartNew();
        var acceptance = new RiptUpdate.Acceptance(options);
        var accepted = new List<GroupResult>();
        var rng = new Random(Seeds.ContextDraw(runSeed, iteration));
        var pending = new List<InFlight>();
        var busy = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var counted = new HashSet<Guid>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int late = 0, rollouts = 0, successes = 0, issued = 0, reissued = 0, duplicates = 0;
        long simSteps = 0;

        InFlight Issue(RolloutJob job, int attempt)
        {
            if (!busy.TryGetValue(job.ContextId, out var taken))
                busy[job.ContextId] = taken = [];
            var replica = 0;
            while (taken.Contains(replica)) replica++;
            taken.Add(replica);
            var key = replica == 0 ? job.ContextId : $"{job.ContextId}#{replica}";
            return new InFlight(job, replica, attempt, grains.GetGrain<IContextGroupGrain>(key).RunGroupAsync(job, stop.Token), Stopwatch.GetTimestamp());
        }

        void Release(InFlight f) => busy[f.Job.ContextId].Remove(f.Replica);

        try
        {
            while (!acceptance.Done)
            {
                while (pending.Count < Parallelism)
                    pending.Add(Issue(NextJob(iteration, version, options.K, rng, issued++), 1));
                var done = pending[0];
                if (!Deterministic)
                {
                    var first = await Task.WhenAny(pending.Select(p => p.Call));
                    done = pending.First(p => p.Call == first);
                }
                var at = pending.IndexOf(done);
                GroupResult result;
                try
                {
                    result = await done.Call;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Lost with its silo (or its weights): run the same job again, at the same place in the order.
                    Release(done);
                    if (done.Attempt >= MaxAttempts)
                        throw new InvalidOperationException($"group of {done.Job.ContextId} (job {done.Job.JobId}) failed {done.Attempt} times; last: {e.Message}", e);
                    Logger.Warning("Group of {ContextId} (job {JobId}, attempt {Attempt}) failed after {Seconds:F1}s: {Error}; reissuing",
                        done.Job.ContextId, done.Job.JobId, done.Attempt, Stopwatch.GetElapsedTime(done.IssuedAt).TotalSeconds, e.Message);
                    reissued++;
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(done.Attempt - 1, 6))), ct);
                    if (BeforeReissue is not null)
                    {
                        try
                        {
                            await BeforeReissue();
                        }
                        catch (Exception be)
                        {
                            Logger.Warning("Before reissuing {JobId}: {Error}", done.Job.JobId, be.Message);
                        }
                    }
                    pending[at] = Issue(done.Job, done.Attempt + 1);
                    continue;
                }
                pending.RemoveAt(at);
                Release(done);
                if (!counted.Add(result.JobId))
                {
                    duplicates++;
                    onGroup?.Invoke(Event(iteration, result, "duplicate", done.Attempt));
                    continue;
                }
                rollouts += result.Rewards.Length;
                successes += result.Successes;
                simSteps += result.SimSteps;
                if (result.PolicyVersion != version)
                {
                    late++;
                    await registry.RecordAsync(result, accepted: false, late: true);
                    onGroup?.Invoke(Event(iteration, result, "late", done.Attempt));
                    continue;
                }
                // The one acceptance call site of the run: RiptUpdate owns the rule and its bound.
                var ok = acceptance.Accept(result.Rewards);
                if (ok) accepted.Add(result);
                // Rare success can take hundreds of groups: say how the search stands every so often.
                if (acceptance.ContextsTried % ProgressEvery == 0 && !acceptance.Done)
                    Logger.Information("Iteration {Iteration}: {Tried} groups tried, {Accepted} of {Needed} accepted, {Successes}/{Rollouts} rollouts successful",
                        iteration, acceptance.ContextsTried, acceptance.Accepted, options.BatchSize / options.K, acceptance.Successes, acceptance.Rollouts);
                if (result.Successes == result.Rewards.Length) _solvedAt[result.ContextId] = iteration;
                await registry.RecordAsync(result, ok, late: false);
                onGroup?.Invoke(Event(iteration, result, ok ? "accepted" : result.Successes > 0 ? "rejected (all-success)" : "rejected (all-fail)", done.Attempt));
            }
        }
        finally
        {
            // Groups still running belong to a full batch: cancel them and drain, so no grain is left mid-group.
            stop.Cancel();
            foreach (var p in pending)
            {
                try
                {
                    await p.Call;
                }
                catch (Exception)
                {
                    // Cancelled, or lost: either way not needed any more.
                }
            }
        }
        Logger.Information("Iteration {Iteration}: {Accepted} groups accepted of {Tried} tried ({AllSuccess} all-success, {AllFail} all-fail, {Reissued} reissued)",
            iteration, acceptance.Accepted, acceptance.ContextsTried, acceptance.RejectedAllSuccess, acceptance.RejectedAllFail, reissued);
        if (acceptance.BudgetSpent)
            Logger.Warning("Iteration {Iteration}: the rollout budget ({Rollouts} rollouts) ran out with {Accepted} of {Needed} groups accepted; updating on the partial batch",
                iteration, acceptance.Rollouts, acceptance.Accepted, options.BatchSize / options.K);
        return new Collection(accepted, acceptance, late, rollouts, successes, simSteps, started.Elapsed.TotalSeconds, reissued, duplicates);
    }

    private static GroupEvent Event(int iteration, GroupResult r, string verdict, int attempt) =>
        new(iteration, r.ContextId, r.PolicyVersion, r.Successes, r.Rewards.Length, verdict, r.Timings.TotalSeconds, r.WorkerId, attempt, DateTimeOffset.UtcNow);

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
        var seed = Seeds.RolloutGroup(runSeed, iteration, n, id);
        var context = contexts.Get(id);
        // Uniform groups stay unshipped: with rejection they are dropped, without it they carry zero advantage.
        return new RolloutJob(Guid.NewGuid(), runId, iteration, version, id, context.TaskId, contexts.InstructionOf(id), context.State, k, seed, ShipUniform: false);
    }
}
