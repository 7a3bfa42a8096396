using System.CommandLine;
using RiptOrleans.Grains.Benchmarks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench farm`: rollouts/s of the embedded silo with 2 groups in flight vs 1 (DESIGN §6, target ≥ 1.8), and through Orleans vs direct calls (≥ 0.97).</summary>
internal static class BenchFarmCommand
{
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Task whose rollouts are timed.", DefaultValueFactory = _ => "metaworld-mini/pick-place" };
    private static readonly Option<int> GroupsOption = new("--groups") { Description = "Groups (contexts) run per measurement.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> KOption = new("--k") { Description = "Rollouts per group.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> WorkersOption = new("--workers") { Description = "Workers of the measured farm.", DefaultValueFactory = _ => 2 };
    private static readonly Option<bool> SkipKillTestOption = new("--skip-kill-test") { Description = "Skip the kill test (a local cluster) that measures failure detection." };

    public static Command Create()
    {
        var command = new Command("farm", "Rollouts/s of the embedded silo with N groups in flight vs 1, and through Orleans vs direct calls; same groups, same run.");
        foreach (var o in new Option[] { BenchCommand.JsonOption, TaskOption, GroupsOption, KOption, WorkersOption, SkipKillTestOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (groups, k, workers) = (parse.GetValue(GroupsOption), parse.GetValue(KOption), parse.GetValue(WorkersOption));
            if (groups < 2 || k < 2 || workers < 2)
                return CommandExit.Usage("bench farm", $"--groups, --k and --workers must be ≥ 2, got {groups}, {k}, {workers}");
            var (tasks, error) = TaskSelection.Resolve(parse.GetValue(TaskOption), null);
            if (error is not null)
                return CommandExit.Usage("bench farm", error);
            FarmBenchResult r;
            await using (var silo = await EmbeddedSilo.StartAsync(ct: ct))
                r = await FarmBenchmark.RunAsync(silo.Grains, tasks[0].Id, k, groups, workers);
            // The failure-detection detail: kill -9 a worker silo of a small local cluster, time until it is declared dead.
            var detection = parse.GetValue(SkipKillTestOption) ? null : await KillTestAsync(ct);
            return new BenchReport("farm", r.RolloutsPerSecond, r.OneWorkerRolloutsPerSecond, "rollouts/s", new Dictionary<string, object?>
            {
                ["task"] = r.TaskId,
                ["workers"] = r.Workers,
                ["reference_workers"] = 1,
                ["groups"] = r.Groups,
                ["k"] = r.K,
                ["target_ratio"] = 1.8,
                // The second figure: the same groups at the same in-flight count through the Orleans silo vs direct calls.
                ["orleans_rollouts_per_s"] = r.RolloutsPerSecond,
                ["direct_rollouts_per_s"] = r.DirectRolloutsPerSecond,
                ["orleans_vs_direct_ratio"] = r.OrleansRatio,
                ["orleans_vs_direct_target"] = 0.97,
                ["sim_steps_per_s"] = r.SimStepsPerSecond,
                ["policy_share_of_worker_time"] = r.PolicySecondsShare,
                ["failure_detection_s"] = detection,
                ["probe_timeout_s"] = RiptSilo.ProbeTimeout.TotalSeconds,
                ["missed_probes"] = RiptSilo.MissedProbes,
                ["cores"] = Environment.ProcessorCount,
            }).Print(parse.GetValue(BenchCommand.JsonOption));
        });
        return command;
    }

    /// <summary>Seconds from kill -9 of a worker silo until the cluster declares it dead; null when the local cluster could not run (no redis-server).</summary>
    internal static async Task<double?> KillTestAsync(CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"ript-bench-farm-{Environment.ProcessId}");
        try
        {
            Console.Error.WriteLine("bench farm: kill test on a local cluster (Redis, a learner silo, a worker silo)");
            await using var cluster = await LocalCluster.StartAsync(dir, workers: 1, slots: 1);
            await using var connection = await ClusterConnection.ConnectAsync(cluster.Address, "ript", ct);
            await BenchClusterCommand.SiloAsync(connection.Grains, "worker-1");
            return await FailureDetectionProbe.MeasureAsync(cluster, connection.Grains, "worker-1");
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"bench farm: kill test skipped: {e.Message}");
            return null;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
