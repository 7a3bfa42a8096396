using System.CommandLine;
using System.Globalization;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Benchmarks;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript bench cluster`: rollouts/s of 2 worker silo processes vs 1 (one slot each; the same groups with the same seeds;
/// target ≥ 1.7 on 2 cores), on a local cluster (Redis, a learner silo, two workers) this command starts and stops; then
/// kill -9 one worker and time how long the cluster takes to declare it dead. Every context's replica is warmed up on
/// each worker first (untimed); then rounds alternate 1 and 2 silos (ABBA order, so a drift in background load hits both
/// alike) and the medians count. Beside the wall-clock figures it reports each process's CPU seconds, which other jobs'
/// load does not change: the workers' CPU per rollout in both setups and what the learner silo, Redis and this client
/// burn meanwhile.
/// </summary>
internal static class BenchClusterCommand
{
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Task whose rollouts are timed.", DefaultValueFactory = _ => "metaworld-mini/pick-place" };
    private static readonly Option<int> GroupsOption = new("--groups") { Description = "Groups (contexts) run per measurement.", DefaultValueFactory = _ => 12 };
    private static readonly Option<int> KOption = new("--k") { Description = "Rollouts per group.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> RoundsOption = new("--rounds") { Description = "Rounds, each one measurement with 1 silo and one with 2 (medians count).", DefaultValueFactory = _ => 4 };

    private static readonly string[] Processes = ["worker-1", "worker-2", "learner", "redis"];

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
            var loadBefore = ProcessCpu.LoadAverage();
            LocalCluster cluster;
            try
            {
                Console.Error.WriteLine("bench cluster: starting Redis, a learner silo and two worker silos (one slot each)");
                cluster = await LocalCluster.StartAsync(dir, workers: 2, slots: 1);
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
                var worker2 = (await SiloAsync(grains, "worker-2"), 2);
                var pids = new Dictionary<string, int>();
                foreach (var p in Processes)
                    pids[p] = await cluster.PidAsync(p);
                pids["client"] = Environment.ProcessId;
                Console.Error.WriteLine($"bench cluster: warm-up (untimed): each of the {groups} contexts once on each worker silo");
                var warmUp = await ClusterBenchmark.WarmUpAsync(grains, contexts, spec, k, [worker1, worker2], 1000);
                var one = new List<Sample>();
                var two = new List<Sample>();
                for (var r = 0; r < rounds; r++)
                {
                    // ABBA: 1 then 2 silos in even rounds, 2 then 1 in odd ones. Same seeds throughout: the same rollouts.
                    foreach (var silos in r % 2 == 0 ? new[] { 1, 2 } : [2, 1])
                    {
                        var sample = await MeasureAsync(grains, contexts, spec, k, silos == 1 ? [worker1] : [worker1, worker2], pids);
                        (silos == 1 ? one : two).Add(sample);
                    }
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bench cluster: round {r + 1}: 1 silo {one[^1].Measured.Rate:F2} rollouts/s, 2 silos {two[^1].Measured.Rate:F2} rollouts/s (ratio {two[^1].Measured.Rate / one[^1].Measured.Rate:F3}; load {ProcessCpu.LoadAverage():F1})"));
                }
                if (one.Concat(two).Select(s => s.Measured.SimSteps).Distinct().Count() != 1)
                    throw new InvalidOperationException($"the same groups ran different sim steps: {string.Join(", ", one.Concat(two).Select(s => s.Measured.SimSteps))}");
                Console.Error.WriteLine("bench cluster: kill -9 of worker-2, timing its failure detection");
                var detection = await FailureDetectionProbe.MeasureAsync(cluster, grains, "worker-2");
                var (rate1, rate2) = (Median(one.Select(s => s.Measured.Rate)), Median(two.Select(s => s.Measured.Rate)));
                var ratios = one.Zip(two, (a, b) => b.Measured.Rate / a.Measured.Rate).ToList();
                var cpu1 = Median(one.Select(s => s.Cpu("worker-1") / s.Measured.Rollouts));
                var cpu2 = Median(two.Select(s => (s.Cpu("worker-1") + s.Cpu("worker-2")) / s.Measured.Rollouts));
                var others = Median(two.Select(s => (s.Cpu("learner") + s.Cpu("redis") + s.Cpu("client")) / s.Measured.Seconds));
                return new BenchReport("cluster", rate2, rate1, "rollouts/s", new Dictionary<string, object?>
                {
                    ["task"] = spec.Id,
                    ["worker_silos"] = 2,
                    ["reference_worker_silos"] = 1,
                    ["slots_per_silo"] = 1,
                    ["groups"] = groups,
                    ["k"] = k,
                    ["rounds"] = rounds,
                    ["statistic"] = "median over rounds; rounds alternate 1 and 2 silos (ABBA), same seeds",
                    ["warm_up"] = "excluded: every context's group once on each worker silo before the rounds",
                    ["warm_up_s"] = warmUp,
                    ["target_ratio"] = 1.7,
                    ["round_ratios"] = ratios,
                    ["ratio_min"] = ratios.Min(),
                    ["ratio_max"] = ratios.Max(),
                    ["rates_1_silo"] = one.Select(s => s.Measured.Rate).ToList(),
                    ["rates_2_silos"] = two.Select(s => s.Measured.Rate).ToList(),
                    ["seconds_1_silo"] = one.Select(s => s.Measured.Seconds).ToList(),
                    ["seconds_2_silos"] = two.Select(s => s.Measured.Seconds).ToList(),
                    ["groups_per_silo_2_silos"] = two.Select(s => s.Measured.GroupsPerSilo).ToList(),
                    ["sim_steps_per_s"] = two[0].Measured.SimSteps / Median(two.Select(s => s.Measured.Seconds)),
                    // CPU seconds (from /proc) per rollout on the workers, and the rest's CPU as a share of one core while measuring.
                    ["worker_cpu_ms_per_rollout_1_silo"] = 1000 * cpu1,
                    ["worker_cpu_ms_per_rollout_2_silos"] = 1000 * cpu2,
                    ["others_cpu_cores_2_silos"] = others,
                    // A model, not a measurement: the ratio an otherwise idle machine of this many cores would give if rollouts
                    // were CPU-bound (1 silo: one core; 2 silos: the cores the learner, Redis and this client leave them).
                    ["cpu_bound_ratio_estimate"] = cpu2 > 0 ? cpu1 * Math.Min(2, Environment.ProcessorCount - others) / cpu2 : null,
                    ["idle_worker_cpu_share_1_silo"] = Median(one.Select(s => s.Cpu("worker-2") / s.Measured.Seconds)),
                    ["learner_cpu_share"] = Median(one.Concat(two).Select(s => s.Cpu("learner") / s.Measured.Seconds)),
                    ["redis_cpu_share"] = Median(one.Concat(two).Select(s => s.Cpu("redis") / s.Measured.Seconds)),
                    ["client_cpu_share"] = Median(one.Concat(two).Select(s => s.Cpu("client") / s.Measured.Seconds)),
                    ["failure_detection_s"] = detection,
                    ["probe_timeout_s"] = RiptSilo.ProbeTimeout.TotalSeconds,
                    ["missed_probes"] = RiptSilo.MissedProbes,
                    ["cores"] = Environment.ProcessorCount,
                    ["load_average_before"] = loadBefore,
                    ["load_average_after"] = ProcessCpu.LoadAverage(),
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

    /// <summary>One measurement with the CPU seconds each process used during it (0 where /proc cannot tell).</summary>
    private sealed record Sample(ClusterBenchmark.Measured Measured, IReadOnlyDictionary<string, double> CpuSeconds)
    {
        public double Cpu(string process) => CpuSeconds.GetValueOrDefault(process);
    }

    private static async Task<Sample> MeasureAsync(IGrainFactory grains, ContextCatalog contexts, TaskSpec spec, int k,
        IReadOnlyList<(SiloAddress, int)> silos, IReadOnlyDictionary<string, int> pids)
    {
        var before = pids.ToDictionary(p => p.Key, p => ProcessCpu.Seconds(p.Value));
        var measured = await ClusterBenchmark.MeasureAsync(grains, contexts, spec, k, silos, 0);
        var cpu = pids.ToDictionary(p => p.Key, p => ProcessCpu.Seconds(p.Value) - before[p.Key] ?? 0);
        return new Sample(measured, cpu);
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
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
