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

    public static Command Create()
    {
        var command = new Command("farm", "Rollouts/s of the embedded silo with N groups in flight vs 1, and through Orleans vs direct calls; same groups, same run.");
        foreach (var o in new Option[] { BenchCommand.JsonOption, TaskOption, GroupsOption, KOption, WorkersOption })
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
                ["cores"] = Environment.ProcessorCount,
            }).Print(parse.GetValue(BenchCommand.JsonOption));
        });
        return command;
    }
}
