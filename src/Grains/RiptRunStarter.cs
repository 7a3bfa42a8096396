using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains;

/// <summary>
/// Starts one RIPT run on whatever hosts the grains, follows it to its end and returns how it ended (a failed run throws
/// <see cref="RunFailedException"/>). The host supplies the one implementation (the `ript` command line's
/// RiptRunLauncher), so `ript train`, the quickstart and the experiment runner start runs the same way.
/// </summary>
/// <param name="onIteration">Called after each iteration (progress display).</param>
/// <param name="onGroup">Called after each finished group (progress display).</param>
public delegate Task<RunResult> RiptRunStarter(RiptRunOptions options, Action<IterationReport>? onIteration, Action<GroupEvent>? onGroup, CancellationToken ct);
