using System.CommandLine;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;
using Spectre.Console;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript tasks`: the registered suites and tasks with their instructions and horizons.</summary>
internal static class TasksCommand
{
    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Only this suite." };
    private static readonly Option<string> SplitOption = new("--split") { Description = "Only this named split of --suite (metaworld: ml45-train, ml45-test)." };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object (DESIGN §4) as the last line." };

    public static Command Create()
    {
        var command = new Command("tasks", "List suites and tasks: instruction, horizon, robot.");
        command.Options.Add(SuiteOption);
        command.Options.Add(SplitOption);
        command.Options.Add(JsonOption);
        command.SetAction(parse => Run(parse.GetValue(SuiteOption), parse.GetValue(JsonOption), parse.GetValue(SplitOption)));
        return command;
    }

    internal static int Run(string? suite, bool json, string? split = null)
    {
        IEnumerable<string> names = TaskRegistry.SuiteNames;
        if (!string.IsNullOrEmpty(suite))
        {
            if (!TaskRegistry.SuiteNames.Contains(suite))
                return CommandExit.Usage("tasks", $"--suite: unknown suite '{suite}'; known suites: {string.Join(", ", TaskRegistry.SuiteNames)}");
            names = [suite];
        }
        if (!string.IsNullOrEmpty(split))
        {
            if (string.IsNullOrEmpty(suite))
                return CommandExit.Usage("tasks", "--split needs --suite");
            if (!TaskRegistry.Splits(suite).ContainsKey(split))
                return CommandExit.Usage("tasks", $"--split: {suite} has {(TaskRegistry.Splits(suite).Count == 0 ? "no splits" : $"the splits {string.Join(", ", TaskRegistry.Splits(suite).Keys)}")}");
            names = [$"{suite}:{split}"];
        }
        var suites = names.Select(s => (Suite: s, Tasks: TaskRegistry.Suite(s))).ToList();
        if (json)
        {
            JsonOutput.Print(new
            {
                Suites = suites.Select(s => new
                {
                    s.Suite,
                    Splits = TaskRegistry.Splits(s.Suite.Split(':')[0]).Keys,
                    NotRegistered = TaskRegistry.Unregistered(s.Suite),
                    Tasks = s.Tasks.Select(t => new { Task = t.Name, t.Id, t.Instruction, t.Horizon, Robot = t.Robot.ToString().ToLowerInvariant(), Expert = t.Expert is not null }),
                }),
            });
            return CommandExit.Ok;
        }
        foreach (var (name, tasks) in suites)
        {
            var missing = TaskRegistry.Unregistered(name);
            var count = missing.Count == 0 ? $"{tasks.Count} tasks"
                : $"partial: {tasks.Count} of {tasks.Count + missing.Count} tasks; not registered yet: {string.Join(", ", missing)}";
            var table = new Table().Title($"[bold]{Markup.Escape(name)}[/] ({Markup.Escape(count)})").AddColumns("task", "instruction", "horizon", "robot");
            foreach (var t in tasks)
                table.AddRow(Markup.Escape(t.Name), Markup.Escape(t.Instruction), t.Horizon.ToString(), t.Robot.ToString());
            AnsiConsole.Write(table);
        }
        return CommandExit.Ok;
    }
}
