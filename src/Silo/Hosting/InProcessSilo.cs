using System.Collections.Concurrent;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using Serilog;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The embedded silo (DESIGN §3, default): hosts every grain in this process, each behind its own mailbox; at most
/// <see cref="Workers"/> context-group turns run at once, one per core by default.
/// </summary>
public sealed class InProcessSilo : IGrainFactory, IAsyncDisposable
{
    private static readonly ILogger Logger = Log.ForContext<InProcessSilo>();
    private readonly GrainServices _services;
    private readonly SemaphoreSlim _workers;
    private readonly ConcurrentDictionary<(Type, string), (object Grain, Mailbox Mailbox)> _activations = new();

    public InProcessSilo(GrainServices services, int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _services = services;
        Workers = workers;
        _workers = new SemaphoreSlim(workers, workers);
    }

    public int Workers { get; }

    public T GetGrain<T>(string key) where T : IGrainWithStringKey
    {
        object reference = typeof(T) == typeof(IContextGroupGrain) ? new ContextGroupReference(Activate<IContextGroupGrain>(key))
            : typeof(T) == typeof(IGrainRegistry) ? new RegistryReference(Activate<IGrainRegistry>(key))
            : throw new NotSupportedException($"the in-process silo hosts no grain of type {typeof(T).Name}");
        return (T)reference;
    }

    private (object Grain, Mailbox Mailbox) Activate<T>(string key) =>
        _activations.GetOrAdd((typeof(T), key), k =>
        {
            Logger.Debug("Activating {Grain} {Key}", k.Item1.Name, k.Item2);
            return typeof(T) == typeof(IContextGroupGrain)
                ? (new ContextGroupGrain(key, _services), new Mailbox(_workers))
                : (new GrainRegistry(), new Mailbox(null));
        });

    public async ValueTask DisposeAsync()
    {
        foreach (var (grain, mailbox) in _activations.Values)
        {
            await mailbox.CloseAsync();
            (grain as IDisposable)?.Dispose();
        }
        _activations.Clear();
    }

    private sealed class ContextGroupReference((object Grain, Mailbox Mailbox) a) : IContextGroupGrain
    {
        public Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct) =>
            a.Mailbox.Post(() => ((IContextGroupGrain)a.Grain).RunGroupAsync(job, ct), ct);
    }

    private sealed class RegistryReference((object Grain, Mailbox Mailbox) a) : IGrainRegistry
    {
        public Task RecordAsync(GroupResult result, bool accepted, bool late, CancellationToken ct) =>
            a.Mailbox.Post(async () =>
            {
                await ((IGrainRegistry)a.Grain).RecordAsync(result, accepted, late, ct);
                return true;
            }, ct);

        public Task<IReadOnlyList<ContextStats>> GetContextsAsync(string? taskId, CancellationToken ct) =>
            a.Mailbox.Post(() => ((IGrainRegistry)a.Grain).GetContextsAsync(taskId, ct), ct);
    }
}
