using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The one seam through which the command line starts a RIPT run (train, quickstart, experiment): today an embedded
/// silo per run with one worker per requested core. A cluster or Orleans host replaces this method and nothing else.
/// </summary>
internal static class RiptRunLauncher
{
    public static async Task<RiptRunResult> RunAsync(RiptRunOptions options, Action<IterationReport>? onIteration, Action<GroupResult, bool>? onGroup,
        CancellationToken ct)
    {
        await using var silo = new InProcessSiloHost(options.Workers);
        return await RiptRun.RunAsync(options, silo.Start, onIteration, onGroup, ct);
    }

    /// <summary>The launcher as the library's delegate.</summary>
    public static RiptRunStarter Starter { get; } = RunAsync;
}
