using System.Diagnostics;
using Orleans.Runtime.Placement;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Randomness;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>What one collection phase produced: the accepted groups (B/K of them, fewer when the rollout budget ran out) and the phase's counters.</summary>
public sealed record Collection(IReadOnlyList<GroupResult> Accepted, RiptUpdate.Acceptance Acceptance, RiptMetricsLine Metrics)
{
    /// <summary>Groups of the current version that the acceptance rule rejected (their trajectories only with ShipUniform): RIPT with demo replay keeps their successes.</summary>
    public IReadOnlyList<GroupResult> Rejected { get; init; } = [];
}

/// <summary>
/// Fills the batch D for one policy version: samples contexts uniformly from the run's context set, keeps as many
/// groups in flight as the worker silos have slots (or <see cref="Parallelism"/> when fixed), lets RiptUpdate.Acceptance
/// decide on each finished group and when the phase is done (|D| = B, or the rollout budget spent), and drops results of
/// an older version. Each group goes to the live worker silo with the most free slots, to a replica of its context that
/// lives there (key context#r; a new one is placed there by a placement hint), so one context uses every core of every
/// worker and a worker that joins gets groups within a second. A group whose call fails (its silo died or left) is
/// reissued under the same JobId; a JobId is counted once.
/// </summary>
public sealed class RolloutScheduler(IGrainFactory grains, ContextCatalog contexts, string runId, long runSeed, int parallelism)
{
    private static readonly ILogger Logger = Log.ForContext<RolloutScheduler>();

    /// <summary>Groups in flight at once; 0 follows the live worker silos' slots (<see cref="Workers"/>), read again every second.</summary>
    public int Parallelism { get; set; } = parallelism;

    /// <summary>The live worker silos (inside a silo); null: one implicit silo and no placement hints (a scheduler driven by a client).</summary>
    public WorkerPool? Workers { get; init; }

    /// <summary>Skip a context whose last groups were all-success in the last this-many iterations (0 = never skip).</summary>
    public int SkipSolvedForIterations { get; init; }

    /// <summary>Consume results in the order jobs were issued, so D depends only on seeds and weights, not on timing or failures.</summary>
    public bool Deterministic { get; init; } = true;

    /// <summary>Calls of one job before the iteration gives up on it: with the back-off (up to 2 s) about a minute, longer than
    /// a silo takes to be declared dead, after which the retried call reactivates the grain on a live silo.</summary>
    public int MaxAttempts { get; init; } = 32;

    /// <summary>Ask groups to ship every trajectory, all-equal groups included (iRe-VLA learns from every rollout: failures train its critic).</summary>
    public bool ShipUniform { get; init; }

    /// <summary>Runs before a lost group is reissued (the learner republishes the weights, which may have died with a silo).</summary>
    public Func<Task>? BeforeReissue { get; init; }

    /// <summary>How often the in-flight target is read again while groups run (a joining worker waits at most this long).</summary>
    public TimeSpan CapacityCheck { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Groups between progress lines of a long collection phase.</summary>
    private const int ProgressEvery = 20;

    private readonly Dictionary<string, int> _solvedAt = new(StringComparer.Ordinal);

    /// <summary>Where each replica key's activation lives (silo address), from placement hints and results; kept across iterations.</summary>
    private readonly Dictionary<string, string> _home = new(StringComparer.Ordinal);

    /// <summary>Replica numbers ever used per context.</summary>
    private readonly Dictionary<string, SortedSet<int>> _replicas = new(StringComparer.Ordinal);

    /// <summary>Replica keys whose activation this scheduler looked up before its first placement.</summary>
    private readonly HashSet<string> _lookedUp = new(StringComparer.Ordinal);

    private bool _waitingForWorkers;

    private sealed record InFlight(RolloutJob Job, int Replica, string? Silo, int Attempt, Task<GroupResult> Call, long IssuedAt);

    /// <summary>The in-flight target now: fixed, or the live workers' slots.</summary>
    private int Target(IReadOnlyList<WorkerSilo>? live) => Parallelism > 0 ? Parallelism : live?.Sum(w => w.Slots) ?? 1;

    /// <param name="contextIds">The contexts to draw from this phase (iRe-VLA's per-task rounds); null: the whole context set.</param>
    public async Task<Collection> CollectAsync(int iteration, long version, RiptOptions options, IGrainRegistry registry,
        Action<GroupEvent>? onGroup, CancellationToken ct, IReadOnlyList<string>? contextIds = null)
    {
        options.Validate();
        var started = Stopwatch.StartNew();
        var acceptance = new RiptUpdate.Acceptance(options);
        var accepted = new List<GroupResult>();
        var rejected = new List<GroupResult>();
        var rng = new Random(Seeds.ContextDraw(runSeed, iteration));
        var pending = new List<InFlight>();
        var busy = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        var counted = new HashSet<Guid>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        int late = 0, rollouts = 0, successes = 0, issued = 0, reissued = 0, duplicates = 0;
        long simSteps = 0;

        async Task<InFlight> IssueAsync(RolloutJob job, int attempt)
        {
            if (!busy.TryGetValue(job.ContextId, out var taken))
                busy[job.ContextId] = taken = [];
            var (replica, silo, hint) = Place(job.ContextId, taken, pending);
            var key = replica == 0 ? job.ContextId : $"{job.ContextId}#{replica}";
            // A replica new to this run may still be active from an earlier run (grains are kept alive), on another silo than
            // the hint: an existing activation stays put, so learn where it lives and place again (each key is looked up once).
            while (hint is not null && _lookedUp.Add(key) && await ActiveSiloAsync(key) is { } actual && actual != silo)
            {
                _home[key] = actual;
                (replica, silo, hint) = Place(job.ContextId, taken, pending);
                key = replica == 0 ? job.ContextId : $"{job.ContextId}#{replica}";
            }
            taken.Add(replica);
            Task<GroupResult> call;
            if (hint is not null)
            {
                // A new activation goes where the hint says (activation-count placement honours it); an existing one stays put.
                RequestContext.Set(IPlacementDirector.PlacementHintKey, hint);
                try
                {
                    call = grains.GetGrain<IContextGroupGrain>(key).RunGroupAsync(job, stop.Token);
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }
            }
            else
            {
                call = grains.GetGrain<IContextGroupGrain>(key).RunGroupAsync(job, stop.Token);
            }
            return new InFlight(job, replica, silo, attempt, call, Stopwatch.GetTimestamp());
        }

        void Release(InFlight f) => busy[f.Job.ContextId].Remove(f.Replica);

        async Task TopUpAsync()
        {
            while (true)
            {
                var live = Workers?.Current();
                var target = Target(live);
                if (target > 0 || pending.Count > 0)
                {
                    if (_waitingForWorkers)
                        Logger.Information("Worker silos available again: {Slots} slots", target);
                    _waitingForWorkers = false;
                    while (pending.Count < target)
                        pending.Add(await IssueAsync(NextJob(iteration, version, options.K, rng, issued++, contextIds), 1));
                    return;
                }
                if (!_waitingForWorkers)
                    Logger.Warning("Run {RunId} waits for a worker silo: none is in the cluster", runId);
                _waitingForWorkers = true;
                await Task.Delay(CapacityCheck, ct);
            }
        }

        try
        {
            while (!acceptance.Done)
            {
                await TopUpAsync();
                var done = pending[0];
                // Wake up every CapacityCheck to follow the live workers (a silo that joined gets groups at once).
                var tick = Task.Delay(CapacityCheck, ct);
                var first = await Task.WhenAny(Deterministic ? [done.Call, tick] : pending.Select(p => p.Call).Append(tick));
                if (first == tick)
                {
                    ct.ThrowIfCancellationRequested();
                    continue;
                }
                if (!Deterministic)
                    done = pending.First(p => p.Call == first);
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
                    pending[at] = await IssueAsync(done.Job, done.Attempt + 1);
                    continue;
                }
                pending.RemoveAt(at);
                Release(done);
                var replicaKey = done.Replica == 0 ? done.Job.ContextId : $"{done.Job.ContextId}#{done.Replica}";
                if (result.WorkerId.IndexOf('@') is var atSign and >= 0)
                    _home[replicaKey] = result.WorkerId[(atSign + 1)..];
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
                else rejected.Add(result);
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
        var seconds = started.Elapsed.TotalSeconds;
        return new Collection(accepted, acceptance, new RiptMetricsLine
        {
            Iteration = iteration, ContextsTried = acceptance.ContextsTried, Accepted = acceptance.Accepted, RejectedAllSuccess = acceptance.RejectedAllSuccess,
            RejectedAllFail = acceptance.RejectedAllFail, Late = late, Reissued = reissued, Duplicates = duplicates, Rollouts = rollouts, RolloutSuccesses = successes,
            RolloutSuccessRate = rollouts == 0 ? 0 : (double)successes / rollouts, SimSteps = simSteps, RolloutSeconds = seconds,
            RolloutsPerSecond = rollouts / Math.Max(1e-9, seconds), SimStepsPerSecond = simSteps / Math.Max(1e-9, seconds),
        }) { Rejected = rejected };
    }

    /// <summary>
    /// The replica of a context to run the next group on, the silo it is expected on, and the placement hint for it:
    /// an idle replica on a live silo with a free slot (most free first), else a fresh (or orphaned) replica placed on the
    /// silo with the most free slots. Without a worker pool: the lowest idle replica, placed by Orleans.
    /// </summary>
    private (int Replica, string? Silo, SiloAddress? Hint) Place(string contextId, SortedSet<int> taken, List<InFlight> pending)
    {
        if (!_replicas.TryGetValue(contextId, out var known))
            _replicas[contextId] = known = [];
        string Key(int r) => r == 0 ? contextId : $"{contextId}#{r}";
        var live = Workers?.Current() ?? [];
        if (live.Count == 0)
        {
            var r = 0;
            while (taken.Contains(r)) r++;
            known.Add(r);
            return (r, null, null);
        }
        var load = pending.Where(p => p.Silo is not null).GroupBy(p => p.Silo!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var free = live.ToDictionary(w => w.Address.ToString(), w => w.Slots - load.GetValueOrDefault(w.Address.ToString()), StringComparer.Ordinal);
        var idle = known.Where(r => !taken.Contains(r) && _home.TryGetValue(Key(r), out var h) && free.GetValueOrDefault(h) > 0)
            .OrderByDescending(r => free[_home[Key(r)]]).ThenBy(r => r).ToList();
        if (idle.Count > 0)
            return (idle[0], _home[Key(idle[0])], null);
        var target = live.OrderByDescending(w => free[w.Address.ToString()]).First();
        var targetKey = target.Address.ToString();
        foreach (var r in known)
            if (!taken.Contains(r) && _home.TryGetValue(Key(r), out var h) && h == targetKey)
                return (r, targetKey, null);
        var fresh = 0;
        while (taken.Contains(fresh) || (_home.TryGetValue(Key(fresh), out var home) && free.ContainsKey(home))) fresh++;
        known.Add(fresh);
        _home[Key(fresh)] = target.Address.ToString();
        return (fresh, target.Address.ToString(), target.Address);
    }

    /// <summary>The live worker silo where a replica key is active now, or null (not active, or on a silo that is gone).</summary>
    private async Task<string?> ActiveSiloAsync(string key)
    {
        try
        {
            var address = await grains.GetGrain<IManagementGrain>(0).GetActivationAddress(grains.GetGrain<IContextGroupGrain>(key));
            return address is not null && (Workers?.Current() ?? []).Any(w => w.Address.Equals(address)) ? address.ToString() : null;
        }
        catch (Exception e)
        {
            // Only a placement optimisation: without the answer the hint stands and the first result tells where it ran.
            Logger.Debug("Looking up the activation of {Key}: {Error}", key, e.Message);
            return null;
        }
    }

    private static GroupEvent Event(int iteration, GroupResult r, string verdict, int attempt) =>
        new(iteration, r.ContextId, r.PolicyVersion, r.Successes, r.Rewards.Length, verdict, r.Timings.TotalSeconds, r.WorkerId, attempt, DateTimeOffset.UtcNow);

    private RolloutJob NextJob(int iteration, long version, int k, Random rng, int n, IReadOnlyList<string>? from)
    {
        var ids = from ?? contexts.Ids;
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
        // Uniform groups stay unshipped for RIPT: with rejection they are dropped, without it they carry zero advantage.
        return new RolloutJob(Guid.NewGuid(), runId, iteration, version, id, context.TaskId, contexts.InstructionOf(id), context.State, k, seed, ShipUniform);
    }
}
