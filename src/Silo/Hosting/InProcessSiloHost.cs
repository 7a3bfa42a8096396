using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions;

namespace RiptOrleans.Silo.Hosting;

/// <summary>Starts the embedded silo once a run's grain services exist, and disposes it with the run.</summary>
internal sealed class InProcessSiloHost(int workers) : IAsyncDisposable
{
    private InProcessSilo? _silo;

    public IGrainFactory Start(GrainServices services) => _silo ??= new InProcessSilo(services, workers);

    public ValueTask DisposeAsync() => _silo?.DisposeAsync() ?? ValueTask.CompletedTask;
}
