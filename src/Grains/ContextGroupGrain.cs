using Microsoft.Extensions.Hosting;
using Orleans.Placement;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Grains.Placement;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// The grain of one context (or of its r-th replica, key context#r): owns a <see cref="ContextGroup"/> (K envs and a
/// policy replica) and the thread its rollouts run on. Placed by activation count on worker silos, kept alive for the
/// run (rebuilding K envs and a replica costs more than keeping them), freed on deactivation after its thread stopped.
/// </summary>
[KeepAlive]
[ActivationCountBasedPlacement]
// Worker silos; the embedded silo (role all) when no worker exists; never a learner-only silo (its cores do the update).
[PreferSiloMetadata($"{SiloMetadataKeys.Role}={SiloMetadataKeys.Worker}", $"{SiloMetadataKeys.Role}={SiloMetadataKeys.All}")]
public sealed class ContextGroupGrain(WeightsCache weights, TaskModelCache tasks, PolicyLoader policies, IHostApplicationLifetime lifetime) : Grain, IContextGroupGrain
{
    private static readonly ILogger Logger = Log.ForContext<ContextGroupGrain>();
    private ContextGroup? _group;
    private DedicatedThread? _thread;
    private CancellationTokenSource? _deactivating;
    private string _contextId = "";
    private int _replica;
    private int _groups, _rollouts, _successes;
    private long _version = -1;
    private Guid? _running;
    private CancellationTokenRegistration _onSiloStopping;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        var key = this.GetPrimaryKeyString();
        var hash = key.LastIndexOf('#');
        (_contextId, _replica) = hash < 0 ? (key, 0) : (key[..hash], int.Parse(key[(hash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        _group = new ContextGroup(tasks, policies, $"{key}@{RuntimeIdentity}");
        _thread = new DedicatedThread($"rollouts {key}", RendererCache.DisposeCurrentThread);
        _deactivating = new CancellationTokenSource();
        // A silo told to stop (SIGTERM) hands its running group back at once: the caller reissues it on another worker.
        _onSiloStopping = lifetime.ApplicationStopping.Register(() =>
        {
            if (_running is { } job)
                Logger.Information("Silo stopping: handing back the group of {Grain} (job {JobId})", this.GetPrimaryKeyString(), job);
            _deactivating.Cancel();
        });
        return Task.CompletedTask;
    }

    public async Task<GroupResult> RunGroupAsync(RolloutJob job, CancellationToken ct)
    {
        if (job.ContextId != _contextId)
            throw new ArgumentException($"job {job.JobId} is for context {job.ContextId}, this grain is {this.GetPrimaryKeyString()}", nameof(job));
        // Weights are fetched on the grain's turn (grain calls belong here), the rollouts run on the grain's own thread.
        var blob = await weights.GetAsync(job.RunId, job.PolicyVersion);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, _deactivating!.Token);
        _running = job.JobId;
        try
        {
            var group = _group!;
            var result = await _thread!.RunAsync(() => group.Run(job, blob, stop.Token));
            _groups++;
            _rollouts += result.Rewards.Length;
            _successes += result.Successes;
            _version = job.PolicyVersion;
            return result;
        }
        finally
        {
            _running = null;
        }
    }

    public Task<ContextGroupState> GetState() => Task.FromResult(new ContextGroupState(_contextId, _replica, RuntimeIdentity, _groups, _rollouts,
        _successes, _version, _running, _running is null ? 0 : _group?.EpisodesDone ?? 0, _group?.Envs ?? 0));

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct)
    {
        Logger.Debug("Deactivating {Grain}: {Reason}", this.GetPrimaryKeyString(), reason.Description);
        // Stop the rollout thread first; native handles are freed only once nothing can touch them.
        _deactivating?.Cancel();
        _onSiloStopping.Dispose();
        if (_thread is not null)
            await _thread.StopAsync();
        _group?.Dispose();
        _group = null;
        _deactivating?.Dispose();
    }
}
