using System.Collections.Concurrent;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>A grain factory without a silo: one activation per key, calls run on the pool one at a time per grain; can age results to test late-result handling.</summary>
internal sealed class DirectGrainFactory(GrainServices services) : IGrainFactory, IDisposable
{
    private readonly GrainServices _services = services;
    private readonly ConcurrentDictionary<string, (ContextGroupGrain Grain, SemaphoreSlim Turn)> _groups = new();
    private readonly GrainRegistry _registry = new();

    /// <summary>Every n-th result is reported one version older than its job (0 = never), as a slow worker's would be.</summary>
    public int AgeEveryNth { get; set; }

    private int _calls;

    public T GetGrain<T>(string key) where T : IGrainWithStringKey =>
        typeof(T) == typeof(IContextGroupGrain) ? (T)(object)new Reference(this, key)
        : typeof(T) == typeof(IGrainRegistry) ? (T)(object)_registry
        : throw new NotSupportedException(typeof(T).Name);

    private sealed class Reference(DirectGrainFactory f, string key) : IContextGroupGrain
    {
        public async Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct)
        {
            var (grain, turn) = f._groups.GetOrAdd(key, k => (new ContextGroupGrain(k, f._services), new SemaphoreSlim(1)));
            await turn.WaitAsync(ct);
            try
            {
                var result = await Task.Run(() => grain.RunGroupAsync(job, ct), ct);
                var n = Interlocked.Increment(ref f._calls);
                return f.AgeEveryNth > 0 && n % f.AgeEveryNth == 0 ? result with { PolicyVersion = result.PolicyVersion - 1 } : result;
            }
            finally
            {
                turn.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var (grain, _) in _groups.Values) grain.Dispose();
    }
}
