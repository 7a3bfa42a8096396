using System.Diagnostics;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Silo.Hosting;
using Xunit.Abstractions;

namespace RiptOrleans.Silo.Tests.Cluster;

/// <summary>
/// Process-level faults on deploy/local-cluster (loopback only): silos killed with -9, frozen with SIGSTOP, stopped with
/// SIGTERM or joining mid-run, Redis restarted, a silo of another message schema. Each test runs a small training run
/// through the thin client, checks that it finishes with every group counted once, and prints its timings.
/// </summary>
[Trait("Category", "Fault")]
[Collection(nameof(LocalClusterCollection))]
public class ClusterFaultTests(LocalClusterFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private sealed class Observed
    {
        public readonly List<RiptMetricsLine> Reports = [];
        public readonly List<GroupEvent> Groups = [];

        public int Count(Func<GroupEvent, bool> f)
        {
            lock (Groups) return Groups.Count(f);
        }

        public GroupEvent[] Snapshot()
        {
            lock (Groups) return [.. Groups];
        }
    }

    private static async Task<RunResult> Start(IGrainFactory grains, RiptRunOptions run, Observed seen)
    {
        // Bounded: a run that does not finish in time is cancelled (its client stops following it) and the test fails.
        using var bound = new CancellationTokenSource(Bound);
        return await RunClient.RunAsync(grains, run, r => { lock (seen.Groups) seen.Reports.Add(r); }, g => { lock (seen.Groups) seen.Groups.Add(g); },
            bound.Token, TimeSpan.FromMilliseconds(100));
    }

    private Task<RunResult> Start(RiptRunOptions run, Observed seen) => Start(fixture.Grains, run, seen);

    private static async Task Until(Func<bool> condition, Task run, string what, double seconds = 120)
    {
        var sw = Stopwatch.StartNew();
        while (!condition())
        {
            if (run.IsCompleted) throw new InvalidOperationException($"the run ended before {what}", run.Exception?.GetBaseException());
            if (sw.Elapsed.TotalSeconds > seconds) throw new TimeoutException($"not {what} within {seconds} s");
            await Task.Delay(50);
        }
    }

    private async Task<string> AddressOf(string silo) => (await RiptOrleans.Silo.Commands.BenchClusterCommand.SiloAsync(fixture.Grains, silo)).ToString();

    private static string SiloOf(GroupEvent g) => g.WorkerId[(g.WorkerId.IndexOf('@') + 1)..];

    /// <summary>
    /// Waits until a context-group grain on the silo runs a group that the iteration under way (from
    /// <paramref name="fromIteration"/> on) still needs; keys are learned from the run's finished groups. Without rejection
    /// the scheduler consumes groups in issue order and cancels those still in flight once B/K are accepted, so a group in
    /// flight is needed only while at most B/K − in-flight groups are accepted. The learner's own count is read (the
    /// client's events lag), and one group more is kept in hand for a group that finishes between this check and the fault.
    /// </summary>
    /// <returns>The iteration.</returns>
    private async Task<int> WaitForNeededGroupRunningOn(string address, RiptRunOptions run, int inFlight, int fromIteration, Observed seen, Task running)
    {
        var learner = fixture.Grains.GetGrain<ILearnerGrain>(run.RunId);
        var needed = run.Ript.BatchSize / run.Ript.K;
        var (found, last) = (0, "none");
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < TimeSpan.FromSeconds(120) && !running.IsCompleted)
        {
            // Every key the run used: a replica may have moved to the silo since its last group.
            foreach (var key in seen.Snapshot().Select(g => g.WorkerId[..g.WorkerId.IndexOf('@')]).Distinct())
            {
                var state = await fixture.Grains.GetGrain<IContextGroupGrain>(key).GetState();
                if (state.RunningJob is null || state.Silo != address) continue;
                // Reports so far = whole iterations; the groups of the next one are those of the collection under way.
                var progress = await learner.GetProgressAsync(int.MaxValue, 0, default);
                var accepted = progress.Groups.Count(g => g.Iteration == progress.IterationsSeen && g.Verdict == "accepted");
                if (progress.Phase == RunPhase.Running && progress.IterationsSeen >= fromIteration && accepted <= needed - inFlight - 1)
                    return progress.IterationsSeen;
                (found, last) = (found + 1, $"{progress.Phase}, iteration {progress.IterationsSeen}, {accepted} accepted");
                break;
            }
            await Task.Delay(20);
        }
        var where = string.Join(", ", seen.Snapshot().GroupBy(SiloOf).Select(g => $"{g.Key}: {g.Count()}"));
        throw new TimeoutException($"no group that its iteration still needs ran on {address} (run completed: {running.IsCompleted}; " +
                                   $"{found} groups found running there too late, the last at: {last}; groups per silo: {where})");
    }

    /// <summary>Every group the learner judged was counted once: no duplicates, B/K accepted, and one event per context tried.</summary>
    private static void AssertCountedOnce(Observed seen, int iterations)
    {
        Assert.Equal(Enumerable.Range(0, iterations), seen.Reports.Select(r => r.Iteration));
        Assert.Equal(0, seen.Reports.Sum(r => r.Duplicates));
        Assert.All(seen.Reports, r => Assert.Equal(8, r.Accepted));
        Assert.All(seen.Reports, r => Assert.Equal(r.ContextsTried, seen.Count(g => g.Iteration == r.Iteration && g.Verdict != "duplicate")));
    }

    private static byte[] Weights(RiptRunOptions run) => File.ReadAllBytes(Path.Combine(run.CheckpointDirectory, Checkpoint.WeightsFile));

    [Fact]
    public async Task KillWorkerSilo_MidIteration_LostGroupsAreReissuedOnTheSurvivorAndCountedOnce()
    {
        await fixture.EnsureUpAsync();
        var straight = await fixture.StraightWeightsAsync();
        var run = fixture.Run("worker-killed");
        var seen = new Observed();
        var victim = await AddressOf("worker-2");

        using var process = Process.GetProcessById(await fixture.Cluster.PidAsync("worker-2"));

        var running = Start(run, seen);
        var iteration = await WaitForNeededGroupRunningOn(victim, run, inFlight: 2, fromIteration: 1, seen, running);
        // SIGKILL straight away (not through the script): the group found running is still running when it lands.
        process.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await process.WaitForExitAsync();
        await running;

        var retried = seen.Snapshot().Where(g => g.Attempt > 1).ToList();
        output.WriteLine($"kill -9 worker-2 in iteration {iteration}: {seen.Reports.Sum(r => r.Reissued)} groups reissued, their results {string.Join(", ", retried.Select(g => $"{(g.At - killedAt).TotalSeconds:F1}s"))} " +
                         $"after the kill (each ran {string.Join(", ", retried.Select(g => $"{g.Seconds:F1}s"))}); run finished {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:F1}s after the kill");
        Assert.NotEmpty(retried);
        Assert.Equal(seen.Reports.Sum(r => r.Reissued), retried.Count);
        // Reissued promptly, counted in groups (a loaded machine slows both sides alike): the lost group starts again once the
        // kill is detected (about a second), before the survivor has finished more than a group or two of its own.
        foreach (var g in retried)
        {
            var restarted = g.At - TimeSpan.FromSeconds(g.Seconds);
            var meanwhile = seen.Count(o => o.Attempt == 1 && o.At > killedAt && o.At < restarted);
            Assert.True(meanwhile <= 2, $"the lost group restarted only after {meanwhile} groups finished on the survivor ({(restarted - killedAt).TotalSeconds:F1}s after the kill)");
        }
        Assert.All(seen.Snapshot().Where(g => g.At > killedAt.AddSeconds(1)), g => Assert.NotEqual(victim, SiloOf(g)));
        AssertCountedOnce(seen, 3);
        Assert.Equal(straight, Weights(run));
        await RestartAsync("worker-2");
    }

    /// <summary>
    /// Starts a killed silo again on its fixed ports. Right after a kill -9 another process's outgoing connection can hold
    /// the freed port for a moment ("Address already in use"); that is the machine, not the behaviour under test, so the
    /// restart is tried a few times before it fails the test.
    /// </summary>
    private async Task RestartAsync(string silo)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await fixture.Cluster.StartSiloAsync(silo);
                return;
            }
            catch (InvalidOperationException e) when (attempt < 4)
            {
                output.WriteLine($"restart of {silo} failed (attempt {attempt}): {e.Message.Split('\n')[0]}; trying again in 3 s");
                await Task.Delay(TimeSpan.FromSeconds(3));
            }
        }
    }

    [Fact]
    public async Task KillLearnerSilo_MidIterationThenRestartIt_RunResumesFromItsCheckpointWithTheWeightsOfAnUninterruptedRun()
    {
        await fixture.EnsureUpAsync();
        var straight = await fixture.StraightWeightsAsync();
        var run = fixture.Run("learner-killed");
        var seen = new Observed();

        var running = Start(run, seen);
        await Until(() => seen.Count(g => g.Iteration == 1) > 0, running, "a group of iteration 1 finished");
        await fixture.Cluster.SignalAsync("learner", "KILL");
        var killedAt = Stopwatch.StartNew();
        await fixture.Cluster.StartSiloAsync("learner");
        var restartedIn = killedAt.Elapsed;
        var result = await running;

        output.WriteLine($"kill -9 learner in iteration 1: learner silo back in {restartedIn.TotalSeconds:F1}s, run resumed at iteration {result.StartIteration} " +
                         $"and finished {killedAt.Elapsed.TotalSeconds:F1}s after the kill");
        Assert.Equal(1, result.StartIteration);
        Assert.Equal(straight, Weights(run));
    }

    [Fact]
    public async Task RestartRedis_MidRun_RunFinishesAndNoSiloIsLost()
    {
        await fixture.EnsureUpAsync();
        var run = fixture.Run("redis-restarted");
        var seen = new Observed();
        var before = (await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToHashSet();

        var running = Start(run, seen);
        await Until(() => seen.Count(g => g.Iteration == 1) > 0, running, "a group of iteration 1 finished");
        var stopped = Stopwatch.StartNew();
        await fixture.Cluster.StopRedisAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        await fixture.Cluster.StartRedisAsync();
        var down = stopped.Elapsed;
        await running;

        var after = (await fixture.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Keys.ToHashSet();
        output.WriteLine($"Redis down for {down.TotalSeconds:F1}s in iteration 1: run finished {stopped.Elapsed.TotalSeconds:F1}s after it stopped; {after.Count} silos active");
        AssertCountedOnce(seen, 3);
        Assert.Equal(0, seen.Reports.Sum(r => r.Reissued));
        Assert.True(before.SetEquals(after), "a silo was lost while Redis was down");
    }

    [Fact]
    public async Task FreezeWorkerSilo_LongerThanFailureDetection_GroupsReissuedAndTheSiloLeavesCleanlyOnResume()
    {
        await fixture.EnsureUpAsync();
        var run = fixture.Run("worker-frozen", iterations: 3);
        var seen = new Observed();
        var victim = await AddressOf("worker-2");

        var pid = await fixture.Cluster.PidAsync("worker-2");

        var running = Start(run, seen);
        var iteration = await WaitForNeededGroupRunningOn(victim, run, inFlight: 2, fromIteration: 1, seen, running);
        await fixture.Cluster.SignalAsync("worker-2", "STOP");
        var frozenAt = DateTimeOffset.UtcNow;
        TimeSpan reissuedAfter;
        try
        {
            await Until(() => seen.Count(g => g.Attempt > 1) > 0, running, "a lost group came back", seconds: 60);
            reissuedAfter = seen.Snapshot().Where(g => g.Attempt > 1).Min(g => g.At - TimeSpan.FromSeconds(g.Seconds)) - frozenAt;
            // Resume it only once the cluster has voted it out.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        finally
        {
            await fixture.Cluster.SignalAsync("worker-2", "CONT");
        }
        var resumedAt = Stopwatch.StartNew();
        using var process = Process.GetProcessById(pid);
        var exited = process.WaitForExit(TimeSpan.FromSeconds(60));
        var exitedIn = resumedAt.Elapsed;
        await running;

        output.WriteLine($"SIGSTOP worker-2 in iteration {iteration}: its group reissued {reissuedAfter.TotalSeconds:F1}s after the freeze " +
                         $"(failure-detection window {RiptSilo.FailureDetectionWindow.TotalSeconds:F0}s); after SIGCONT it left in {exitedIn.TotalSeconds:F1}s");
        Assert.True(exited, "the frozen silo did not leave after SIGCONT");
        Assert.Contains("declared dead", fixture.Cluster.Log("worker-2"), StringComparison.Ordinal);
        AssertCountedOnce(seen, 3);
        Assert.True(reissuedAfter < RiptSilo.FailureDetectionWindow + TimeSpan.FromSeconds(10), $"reissued only {reissuedAfter.TotalSeconds:F1}s after the freeze");
        await fixture.Cluster.StartSiloAsync("worker-2");
    }

    [Fact]
    public async Task WorkerJoinsThenStopsGracefully_MidRun_GetsGroupsWithinSecondsThenHandsBackItsGroupAndTheRunGoesOn()
    {
        await fixture.EnsureUpAsync();
        var run = fixture.Run("elastic", iterations: 5);
        var seen = new Observed();

        var running = Start(run, seen);
        await Until(() => seen.Count(_ => true) > 0, running, "a first group finished");
        await fixture.Cluster.StartSiloAsync("worker-3");
        var readyAt = DateTimeOffset.UtcNow;
        var joined = await AddressOf("worker-3");
        await Until(() => seen.Count(g => SiloOf(g) == joined) > 0, running, "worker-3 ran a group", seconds: 60);
        var first = seen.Snapshot().Where(g => SiloOf(g) == joined).MinBy(g => g.At)!;
        var firstStarted = first.At - TimeSpan.FromSeconds(first.Seconds);
        var startedAfter = firstStarted - readyAt;
        var elsewhere = seen.Count(g => SiloOf(g) != joined && g.At > readyAt && g.At < firstStarted);
        using var process = Process.GetProcessById(await fixture.Cluster.PidAsync("worker-3"));
        await WaitForNeededGroupRunningOn(joined, run, inFlight: 3, fromIteration: 0, seen, running);
        // SIGTERM straight away (not through the script): the group found running is still running when it arrives.
        using (var term = Process.Start(new ProcessStartInfo("kill", $"-TERM {process.Id}") { UseShellExecute = false })!)
            await term.WaitForExitAsync();
        var stopping = Stopwatch.StartNew();
        var left = process.WaitForExit(TimeSpan.FromSeconds(30));
        var leftIn = stopping.Elapsed;
        var stoppedAt = DateTimeOffset.UtcNow;
        await fixture.Cluster.StopSiloAsync("worker-3");
        var result = await running;

        var log = fixture.Cluster.Log("worker-3");
        var handedBack = log.Split('\n').Count(l => l.Contains("handing back the group", StringComparison.Ordinal));
        var durations = seen.Snapshot().Where(g => SiloOf(g) == joined).Select(g => g.Seconds).ToList();
        output.WriteLine($"worker-3 joined mid-run: its first group started {startedAfter.TotalSeconds:F1}s after it was ready, {elsewhere} groups having finished elsewhere meanwhile; ran {durations.Count} groups " +
                         $"({durations.DefaultIfEmpty(0).Average():F1}s each); SIGTERM: it left in {leftIn.TotalSeconds:F1}s, handing back {handedBack} groups, " +
                         $"{seen.Reports.Sum(r => r.Reissued)} reissued; run finished {(DateTimeOffset.UtcNow - stoppedAt).TotalSeconds:F1}s later");
        // Counted in groups, not seconds (both sides slow down alike on a busy machine): the scheduler gives a worker it sees
        // join the next group it issues (within CapacityCheck), so meanwhile the two other workers finish about a group each,
        // plus what they finish while the new silo activates its first grain. A worker the cluster does not see yet (e.g. its
        // metadata unread, retried by Orleans only after ~23 s) would let a dozen groups pass.
        Assert.True(elsewhere <= 4, $"the joined worker got its first group only after {elsewhere} groups finished elsewhere ({startedAfter.TotalSeconds:F1}s after it was ready)");
        Assert.True(left, "worker-3 did not leave within 30 s of SIGTERM");
        Assert.Contains("ript silo: stopped", log, StringComparison.Ordinal);
        Assert.True(handedBack >= 1, $"worker-3 handed no group back; its log ends: {string.Join('\n', log.Split('\n').TakeLast(15))}");
        Assert.True(seen.Reports.Sum(r => r.Reissued) >= handedBack, "a group handed back by the stopped worker was not reissued");
        Assert.All(seen.Snapshot().Where(g => g.At > stoppedAt.AddSeconds(1)), g => Assert.NotEqual(joined, SiloOf(g)));
        Assert.Equal(0, seen.Reports.Sum(r => r.Duplicates));
        Assert.Equal(0, result.StartIteration);
        Assert.Equal(5, seen.Reports.Select(r => r.Iteration).Distinct().Count());
    }

    [Fact]
    public async Task SiloOfAnotherMessageSchema_Joins_IsRefusedWithAMessageAndTheClusterCarriesOn()
    {
        await fixture.EnsureUpAsync();
        var sw = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => fixture.Cluster.StartSiloAsync("worker-7", "--message-schema", "99"));

        output.WriteLine($"a schema-99 silo was refused in {sw.Elapsed.TotalSeconds:F1}s: {fixture.Cluster.Log("worker-7").Trim()}");
        Assert.Contains($"refused: cluster 'ript' at {fixture.Cluster.Address} runs message schema {MessageSchema.Version}", fixture.Cluster.Log("worker-7"), StringComparison.Ordinal);
        Assert.Contains("built with schema 99", e.Message, StringComparison.Ordinal);
        var hosts = await fixture.Grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        Assert.Equal(LocalClusterFixture.Silos.Order(), hosts.Select(h => h.SiloName).Order());
    }
}

[CollectionDefinition(nameof(LocalClusterCollection))]
public sealed class LocalClusterCollection : ICollectionFixture<LocalClusterFixture>;
