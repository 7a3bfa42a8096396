using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The one seam through which the command line starts a RIPT run (train, quickstart, experiment): the embedded Orleans
/// silo (DESIGN §3's default) and the run's thin client, which follows the learner grain to the run's end. A cluster
/// front end replaces this method and nothing else.
/// </summary>
internal static class RiptRunLauncher
{
    /// <exception cref="RunFailedException">The run failed (RunFailure.Rejection: RIPT's acceptance stopped it with its message).</exception>
    public static async Task<RunResult> RunAsync(RiptRunOptions options, Action<IterationReport>? onIteration, Action<GroupEvent>? onGroup, CancellationToken ct)
    {
        await using var silo = await EmbeddedSilo.StartAsync(ct: ct);
        return await RunClient.RunAsync(silo.Grains, options, onIteration, onGroup, ct);
    }

    /// <summary>The launcher as the experiment library's delegate.</summary>
    public static RiptRunStarter Starter { get; } = RunAsync;
}
