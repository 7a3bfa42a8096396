using System.CommandLine;
using System.CommandLine.Invocation;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Commands;

namespace RiptOrleans.Silo;

/// <summary>The `ript` executable: one root command whose subcommands are the areas of DESIGN §4.</summary>
public static class Program
{
    /// <summary>The arguments of this invocation (to tell a user how to continue an interrupted command).</summary>
    internal static IReadOnlyList<string> Arguments { get; private set; } = [];

    public static async Task<int> Main(string[] args)
    {
        Arguments = args;
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
        var invoked = parse.CommandResult.Command;
        using var interruption = new Interruption(invoked == root ? "ript" : invoked.Name, invoked.Action is AsynchronousCommandLineAction);
        try
        {
            // Signals are ours (Interruption), not System.CommandLine's: it would exit 1 without a word.
            var code = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interruption.Token);
            return interruption.Signal is { } signal ? Interruption.ExitCode(signal) : code;
        }
        catch (OperationCanceledException) when (interruption.Signal is { } signal)
        {
            Console.Error.WriteLine($"{interruption.Command}: stopped by {Interruption.Name(signal)}");
            return Interruption.ExitCode(signal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file or directory the command could not read or write: the message names the path (DESIGN §4: one line, exit 1).
            Console.Error.WriteLine($"{interruption.Command}: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            Serilog.Log.ForContext(typeof(Program)).Debug(e, "Unexpected failure of {Command}", interruption.Command);
            Console.Error.WriteLine($"{interruption.Command}: unexpected error ({e.GetType().Name}): {e.Message}; rerun with -v detailed for the stack trace, and please report it");
            return 1;
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
        SiloCommand.Create(),
        InspectCommand.Create(),
    ];
}
