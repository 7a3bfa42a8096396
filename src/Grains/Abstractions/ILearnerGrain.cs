using Orleans.Concurrency;
using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>
/// One training run (key: run id): holds the learning policy, optimizer and scheduler, drives the iterations inside the
/// cluster (collect D, update, publish the next version, checkpoint, evaluate, report) and tells callers how far it got.
/// </summary>
[Alias("ript.ILearnerGrain")]
public interface ILearnerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run, or resumes it from its run directory's checkpoint (run.Resume), and returns at once; a call for
    /// the run already going on here just reports it. Bad input is a Failed progress naming it, not an exception.
    /// </summary>
    [ResponseTimeout("00:05:00"), Alias("StartAsync")]
    Task<RunProgress> StartAsync(RiptRunOptions run, CancellationToken ct);

    /// <summary>Reports and group events after the given counts (short call: a caller polls it).</summary>
    [AlwaysInterleave, ResponseTimeout("00:00:15"), Alias("GetProgressAsync")]
    Task<RunProgress> GetProgressAsync(int iterationsSeen, int groupsSeen, CancellationToken ct);

    /// <summary>Stops the run; group calls in flight are cancelled and the last checkpoint stays.</summary>
    [AlwaysInterleave, Alias("CancelAsync")]
    Task CancelAsync();

    /// <summary>Run, phase, iteration and version (the Orleans Dashboard calls it by this name).</summary>
    [AlwaysInterleave, Alias("GetState")]
    Task<LearnerState> GetState();
}
