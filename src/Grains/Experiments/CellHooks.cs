using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Sft;

namespace RiptOrleans.Grains.Experiments;

/// <summary>How a host watches and runs a cell's steps: a line per step, each RIPT iteration, and the SFT runner (a progress bar on a terminal).</summary>
public sealed record CellHooks
{
    /// <summary>A human line per step.</summary>
    public Action<string> Say { get; init; } = _ => { };

    public Action<IterationReport>? OnIteration { get; init; }

    /// <summary>Runs one SFT (default: SftTrainer.Run without progress).</summary>
    public Func<SftOptions, SftResult> RunSft { get; init; } = o => SftTrainer.Run(o);

    /// <summary>Called after each expert demonstration is recorded.</summary>
    public Action? OnDemo { get; init; }
}
