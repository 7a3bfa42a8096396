using System.CommandLine;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Benchmarks;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript bench cluster`: rollouts/s of 2 worker silo processes vs 1 (one slot each; same groups, same run; target ≥ 1.7
/// on 2 cores), on a local cluster (Redis, a learner silo, the workers) this command starts and stops; then kill -9 one
/// worker and time how long the cluster takes to declare it dead.
/// </summary>
internal static class BenchClusterCommand
{
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Task whose rollouts are timed.", DefaultValueFactory = _ => "metaworld-mini/pick-place" };
    private static readonly Option<int> GroupsOption = new("--groups") { Description = "Groups (contexts) run per measurement.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> KOption = new("--k") { Description = "Rollouts per group.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> RoundsOption = new("--rounds") { Description = "Alternating rounds of 1 and 2 silos (the best of each counts).", DefaultValueFactory = _ => 2 };

    public static Command Create()
    {
        var command = new Command("cluster", "Rollouts/s of 2 worker silo processes vs 1 on a local cluster (Redis + silos), and the failure-detection time of a killed silo.");
        foreach (var o in new Option[] { BenchCommand.JsonOption, TaskOption, GroupsOption, KOption, RoundsOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var (groups, k, rounds) = (parse.GetValue(GroupsOption), parse.GetValue(KOption), parse.GetValue(RoundsOption));
            if (groups < 2 || k < 2 || rounds < 1)
                return CommandExit.Usage("bench cluster", $"--groups and --k must be ≥ 2 and --rounds ≥ 1, got {groups}, {k}, {rounds}");
            var (tasks, error) = TaskSelection.Resolve(parse.GetValue(TaskOption), null);
            if (error is not null)
                return CommandExit.Usage("bench cluster", error);
            var spec = tasks[0];
            var dir = Path.Combine(Path.GetTempPath(), $"ript-bench-cluster-{Environment.ProcessId}");
            LocalCluster cluster;
            try
            {
                Console.Error.WriteLine("bench cluster: starting Redis, a learner silo and one worker silo (one slot)");
                cluster = await LocalCluster.StartAsync(dir, workers: 1, slots: 1);
            }
            catch (InvalidOperationException e)
            {
                return CommandExit.Failed("bench cluster", e.Message);
            }
            try
            {
                await using var connection = await ClusterConnection.ConnectAsync(cluster.Address, "ript", ct);
                var grains = connection.Grains;
                using var models = new TaskModelCache();
                var (contexts, _) = await FarmBenchmark.PrepareAsync(grains, models, spec, groups, ClusterBenchmark.RunId);
                var worker1 = (await SiloAsync(grains, "worker-1"), 1);
                // Warm-up on each silo: activations, envs, the policy replica, the JIT.
                await ClusterBenchmark.MeasureAsync(grains, contexts, spec, k, [worker1], 1000, groups: 1);
                Console.Error.WriteLine("bench cluster: starting a second worker silo");
                await cluster.StartSiloAsync("worker-2");
                var worker2 = (await SiloAsync(grains, "worker-2"), 2);
                await ClusterBenchmark.MeasureAsync(grains, contexts, spec, k, [worker2], 2000, groups: 1);
                ClusterBenchmark.Measured? one = null, two = null;
                for (var r = 0; r < rounds; r++)
                {
                    var a = await ClusterBenchmark.MeasureAsync(grains, contexts, spec, k, [worker1], 0);
                    var b = await ClusterBenchmark.MeasureAsync(grains, contexts, spec, k, [worker1, worker2], 0);
                    Console.Error.WriteLine($"bench cluster: round {r + 1}: 1 silo {a.Rate:F2} rollouts/s, 2 silos {b.Rate:F2} rollouts/s");
                    if (one is null || a.Rate > one.Rate) one = a;
                    if (two is null || b.Rate > two.Rate) two = b;
                }
                Console.Error.WriteLine("bench cluster: kill -9 of worker-2, timing its failure detection");
                var detection = await FailureDetectionProbe.MeasureAsync(cluster, grains, "worker-2");
                return new BenchReport("cluster", two!.Rate, one!.Rate, "rollouts/s", new Dictionary<string, object?>
                {
                    ["task"] = spec.Id,
                    ["worker_silos"] = 2,
                    ["reference_worker_silos"] = 1,
                    ["slots_per_silo"] = 1,
                    ["groups"] = groups,
                    ["k"] = k,
                    ["target_ratio"] = 1.7,
                    ["sim_steps_per_s"] = two.SimSteps / two.Seconds,
                    ["failure_detection_s"] = detection,
                    ["probe_timeout_s"] = RiptSilo.ProbeTimeout.TotalSeconds,
                    ["missed_probes"] = RiptSilo.MissedProbes,
                    ["cores"] = Environment.ProcessorCount,
                }).Print(parse.GetValue(BenchCommand.JsonOption));
            }
            catch (InvalidOperationException e)
            {
                return CommandExit.Failed("bench cluster", e.Message);
            }
            finally
            {
                await cluster.DisposeAsync();
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
        return command;
    }

    /// <summary>The address of an active silo by name, once the client's gateway sees it.</summary>
    internal static async Task<SiloAddress> SiloAsync(IGrainFactory grains, string name)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
            if (hosts.FirstOrDefault(h => h.SiloName == name) is { } host) return host.SiloAddress;
            if (DateTime.UtcNow > deadline) throw new InvalidOperationException($"silo {name} did not become active within 60 s");
            await Task.Delay(200);
        }
    }
}
