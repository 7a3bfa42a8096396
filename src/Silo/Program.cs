using System.CommandLine;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo;

/// <summary>The `ript` executable: one root command whose subcommands are the areas of DESIGN §4.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var root = new RootCommand("RiptOrleans: reinforcement post-training of robot policies (RIPT-VLA) on a MuJoCo simulation farm.");
        root.Options.Add(CliLogging.VerbosityOption);
        foreach (var command in Commands())
            root.Subcommands.Add(command);

        var parse = root.Parse(args);
        CliLogging.Configure(parse.GetValue(CliLogging.VerbosityOption));
        if (parse.Errors.Count > 0)
        {
            // System.CommandLine exits 1 on a parse error; our contract is 2 for bad usage (STYLE, CLI).
            foreach (var error in parse.Errors)
                Console.Error.WriteLine($"ript: {error.Message}");
            Console.Error.WriteLine("ript: see 'ript --help'");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync();
        }
        finally
        {
            await Serilog.Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Every top-level command; an area adds its command here.</summary>
    internal static IEnumerable<Command> Commands() =>
    [
        QuickstartCommand.Create(),
        ExperimentCommand.Create(),
        BenchCommand.Create(),
        RenderCommand.Create(),
        TasksCommand.Create(),
        ExpertsCommand.Create(),
        DemosCommand.Create(),
        TrainCommand.Create(),
        SftCommand.Create(),
        EvalCommand.Create(),
    ];
}
