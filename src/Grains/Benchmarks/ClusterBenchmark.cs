using System.Diagnostics;
using Orleans.Runtime.Placement;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Grains.Benchmarks;

/// <summary>
/// Rollouts/s of worker silo processes (`ript bench cluster`): the same groups of the same run, one group in flight per
/// worker silo, each silo's groups on its own context-group activations (placed there by a placement hint).
/// </summary>
public static class ClusterBenchmark
{
    public const string RunId = "bench-cluster";

    /// <summary>One measurement: how many rollouts ran, how long it took, and the groups each silo ran.</summary>
    public sealed record Measured(int Rollouts, double Seconds, long SimSteps, IReadOnlyList<int> GroupsPerSilo)
    {
        public double Rate => Rollouts / Seconds;
    }

    /// <summary>
    /// Runs one group per context (seeds from <paramref name="seedBase"/>, so two calls with the same base run the same
    /// rollouts), one lane per silo that takes the next group as soon as its last one is back, and times the whole. Each
    /// silo's groups go to replica keys context#Replica of its own, placed on it by the hint.
    /// </summary>
    public static async Task<Measured> MeasureAsync(IGrainFactory grains, ContextCatalog contexts, TaskSpec spec, int k,
        IReadOnlyList<(SiloAddress Silo, int Replica)> silos, long seedBase)
    {
        var ids = contexts.Ids;
        var next = 0;
        var results = new List<GroupResult>();
        var perSilo = new int[silos.Count];
        var sw = Stopwatch.StartNew();
        async Task Lane(int lane)
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= ids.Count) return;
                var r = await RunAsync(grains, contexts, spec, k, silos[lane], ids[i], seedBase + i);
                // A replica that an earlier activation keeps elsewhere would make this lane's work another silo's.
                if (!r.WorkerId.EndsWith("@" + silos[lane].Silo, StringComparison.Ordinal))
                    throw new InvalidOperationException($"the group of {ids[i]} for silo {silos[lane].Silo} ran at {r.WorkerId}");
                perSilo[lane]++;
                lock (results) results.Add(r);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, silos.Count).Select(Lane));
        return new Measured(results.Sum(r => r.Rewards.Length), sw.Elapsed.TotalSeconds, results.Sum(r => r.SimSteps), perSilo);
    }

    /// <summary>
    /// Runs every context's group once on each silo (all silos at once), untimed: activates each silo's replica of each
    /// context, builds its envs and policy replica, fetches the weights and JITs, so no measurement pays for any of it
    /// whichever contexts its lanes happen to draw.
    /// </summary>
    /// <returns>Seconds it took.</returns>
    public static async Task<double> WarmUpAsync(IGrainFactory grains, ContextCatalog contexts, TaskSpec spec, int k,
        IReadOnlyList<(SiloAddress Silo, int Replica)> silos, long seedBase)
    {
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(silos.Select(async silo =>
        {
            var i = 0;
            foreach (var id in contexts.Ids)
                await RunAsync(grains, contexts, spec, k, silo, id, seedBase + i++);
        }));
        return sw.Elapsed.TotalSeconds;
    }

    private static Task<GroupResult> RunAsync(IGrainFactory grains, ContextCatalog contexts, TaskSpec spec, int k, (SiloAddress Silo, int Replica) on,
        string id, long seed)
    {
        var job = new RolloutJob(Guid.NewGuid(), RunId, 0, 0, id, spec.Id, spec.Instruction, contexts.Get(id).State, k, seed, ShipUniform: false);
        RequestContext.Set(IPlacementDirector.PlacementHintKey, on.Silo);
        try
        {
            return grains.GetGrain<IContextGroupGrain>($"{id}#{on.Replica}").RunGroupAsync(job, default);
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }
    }
}
