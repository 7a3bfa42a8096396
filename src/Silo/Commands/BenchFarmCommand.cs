using System.CommandLine;
using RiptOrleans.Grains.Benchmarks;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench farm`: rollouts/s of the in-process farm with 2 workers vs 1 (DESIGN §6, target ≥ 1.8).</summary>
internal static class BenchFarmCommand
{
    private static readonly Option<string> TaskOption = new("--task", "-t") { Description = "Task whose rollouts are timed.", DefaultValueFactory = _ => "metaworld-mini/pick-place" };
    private static readonly Option<int> GroupsOption = new("--groups") { Description = "Groups (contexts) run per measurement.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> KOption = new("--k") { Description = "Rollouts per group.", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> WorkersOption = new("--workers") { Description = "Workers of the measured farm.", DefaultValueFactory = _ => 2 };

    public static Command Create()
    {
        var command = new Command("farm", "Rollouts/s of the in-process farm with N workers vs 1, same groups, same run.");
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
            var r = await FarmBenchmark.RunAsync((services, w) => new InProcessSilo(services, w), tasks[0].Id, k, groups, workers);
            return new BenchReport("farm", r.RolloutsPerSecond, r.ReferenceRolloutsPerSecond, "rollouts/s", new Dictionary<string, object?>
            {
                ["task"] = r.TaskId,
                ["workers"] = r.Workers,
                ["reference_workers"] = 1,
                ["groups"] = r.Groups,
                ["k"] = r.K,
                ["sim_steps_per_s"] = r.SimStepsPerSecond,
                ["policy_share_of_worker_time"] = r.PolicySecondsShare,
                ["cores"] = Environment.ProcessorCount,
                ["target_ratio"] = 1.8,
            }).Print(parse.GetValue(BenchCommand.JsonOption));
        });
        return command;
    }
}
