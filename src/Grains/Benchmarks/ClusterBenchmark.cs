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

    /// <summary>One measurement: how many rollouts ran and how long it took.</summary>
    public sealed record Measured(int Rollouts, double Seconds, long SimSteps)
    {
        public double Rate => Rollouts / Seconds;
    }

    /// <summary>
    /// Runs one group per context (seeds from <paramref name="seedBase"/>), one lane per silo, and times the whole. Each
    /// silo's groups go to replica keys context#Replica of its own, placed on it by the hint.
    /// </summary>
    public static async Task<Measured> MeasureAsync(IGrainFactory grains, ContextCatalog contexts, TaskSpec spec, int k,
        IReadOnlyList<(SiloAddress Silo, int Replica)> silos, long seedBase, int? groups = null)
    {
        var ids = contexts.Ids.Take(groups ?? contexts.Ids.Count).ToList();
        var next = 0;
        var results = new List<GroupResult>();
        var sw = Stopwatch.StartNew();
        async Task Lane(int lane)
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next) - 1;
                if (i >= ids.Count) return;
                var id = ids[i];
                var job = new RolloutJob(Guid.NewGuid(), RunId, 0, 0, id, spec.Id, spec.Instruction, contexts.Get(id).State, k, seedBase + i, ShipUniform: false);
                Task<GroupResult> call;
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silos[lane].Silo);
                try
                {
                    call = grains.GetGrain<IContextGroupGrain>($"{id}#{silos[lane].Replica}").RunGroupAsync(job, default);
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }
                var r = await call;
                lock (results) results.Add(r);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, silos.Count).Select(Lane));
        return new Measured(results.Sum(r => r.Rewards.Length), sw.Elapsed.TotalSeconds, results.Sum(r => r.SimSteps));
    }
}
