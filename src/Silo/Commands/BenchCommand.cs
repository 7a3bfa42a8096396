using System.CommandLine;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench X`: performance figures, each with its reference measured in the same run (DESIGN §6).</summary>
internal static class BenchCommand
{
    public static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object (DESIGN §4) as the last line." };

    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: a figure and its reference measured in the same run.");
        foreach (var sub in Subcommands())
            bench.Subcommands.Add(sub);
        return bench;
    }

    /// <summary>One subcommand per benchmark; an area adds its own here.</summary>
    private static IEnumerable<Command> Subcommands() =>
    [
        BenchPhysicsCommand.Create(),
        BenchRenderCommand.Create(),
        BenchLearnerCommand.Create(),
        BenchFarmCommand.Create(),
        BenchClusterCommand.Create(),
    ];
}
