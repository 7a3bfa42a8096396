using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>
/// The thin client of a run (`ript train`, `ript quickstart`): starts or resumes the run on its learner grain, which
/// drives it inside the cluster, and follows it with short progress reads. When the learner's silo dies, the next read
/// fails fast and the client starts the run again with Resume, so the learner comes back on a live silo from its
/// checkpoint. A long call from a client to a dead silo would wait out its whole timeout (dotnet/orleans#10165).
/// </summary>
public static class RunClient
{
    private static readonly ILogger Logger = Log.ForContext(typeof(RunClient));

    /// <summary>Times the client starts the run again after losing its learner before it gives up.</summary>
    public const int MaxRestarts = 20;

    /// <summary>Longest wait for one progress read before the client takes the learner (or its gateway) as lost.</summary>
    public static TimeSpan ProgressWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait for one start call before the client asks again (through another gateway when one froze).</summary>
    public static TimeSpan StartWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the client waits for a silo that can take the learner (a learner silo restarting) before it gives up.</summary>
    public static TimeSpan LearnerWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <exception cref="RunFailedException">The run failed (the learner's reason and message).</exception>
    public static async Task<RunResult> RunAsync(IGrainFactory grains, RiptRunOptions run, Action<IterationReport>? onIteration, Action<GroupEvent>? onGroup,
        CancellationToken ct, TimeSpan? pollInterval = null)
    {
        var poll = pollInterval ?? TimeSpan.FromMilliseconds(200);
        var learner = grains.GetGrain<ILearnerGrain>(run.RunId);
        int iterations = 0, groups = 0, restarts = 0;
        // A cluster may not have a silo for the learner yet (its learner silo is starting): wait for one as after a loss.
        var progress = await StartAsync(run);
        var session = progress.Session;
        using var _ = ct.Register(() => learner.CancelAsync().Ignore());
        while (true)
        {
            if (progress.Session != session)
                (session, iterations, groups) = (progress.Session, 0, 0);
            // A progress holds the newest items up to its totals; skip what this client has already passed on.
            foreach (var g in progress.Groups.Skip(Math.Max(0, groups - (progress.GroupsSeen - progress.Groups.Length)))) onGroup?.Invoke(g);
            foreach (var r in progress.Iterations.Skip(Math.Max(0, iterations - (progress.IterationsSeen - progress.Iterations.Length)))) onIteration?.Invoke(r);
            (iterations, groups) = (Math.Max(iterations, progress.IterationsSeen), Math.Max(groups, progress.GroupsSeen));
            switch (progress.Phase)
            {
                case RunPhase.Finished:
                    return progress.Result!;
                case RunPhase.Failed:
                    throw new RunFailedException(progress.Failure, progress.Error ?? "the run failed");
                case RunPhase.Idle or RunPhase.Interrupted:
                    // A fresh activation (the learner was lost and came back empty) or a learner whose silo is
                    // stopping: start the run again from its checkpoint; it lands on a live silo.
                    progress = await RestartAsync();
                    continue;
            }
            await Task.Delay(poll, ct);
            try
            {
                // Bounded here too: a call through a gateway that froze waits out its whole timeout (dotnet/orleans#10165).
                progress = await learner.GetProgressAsync(iterations, groups, ct).WaitAsync(ProgressWait, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                Logger.Warning("Lost the learner of {RunId} ({Error}); resuming it from its checkpoint", run.RunId, e.Message);
                progress = await RestartAsync();
            }
        }

        Task<RunProgress> RestartAsync()
        {
            if (++restarts > MaxRestarts)
                throw new RunFailedException(RunFailure.Internal, $"lost the learner of run {run.RunId} {MaxRestarts} times; its checkpoint is in {run.CheckpointDirectory}");
            return StartAsync(run with { Resume = true, Force = false });
        }

        async Task<RunProgress> StartAsync(RiptRunOptions start)
        {
            var lost = System.Diagnostics.Stopwatch.StartNew();
            for (var attempt = 1; ; attempt++)
            {
                if (attempt > 1 || restarts > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), ct);
                try
                {
                    // A retry of a start still opening queues behind it on the learner and then reports the run.
                    return await learner.StartAsync(start, ct).WaitAsync(StartWait, ct);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // No learner silo (it died and was not restarted yet), or the cluster is still voting: wait for one.
                    if (lost.Elapsed > LearnerWait)
                        throw new RunFailedException(RunFailure.Internal,
                            $"no silo could take the learner of run {run.RunId} for {LearnerWait.TotalMinutes:F0} min (last: {e.Message}); its checkpoint is in {run.CheckpointDirectory}");
                    if (attempt == 1 || attempt % 30 == 0)
                        Logger.Warning("Resuming {RunId} failed ({Error}); waiting for a learner silo", run.RunId, e.Message);
                }
            }
        }
    }
}
