using Spectre.Console;

namespace RiptOrleans.Silo.Cli;

/// <summary>Progress of long work on stderr (stdout stays for summaries and JSON): a live bar on a terminal, else a log line per 10%.</summary>
internal static class ProgressBar
{
    private static readonly IAnsiConsole Stderr = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    /// <summary>Runs <paramref name="work"/>, which reports each finished unit through the callback it is given (thread-safe).</summary>
    public static T Run<T>(string description, int total, Func<Action, T> work)
    {
        if (!Console.IsErrorRedirected && Stderr.Profile.Capabilities.Interactive)
        {
            return Stderr.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var bar = ctx.AddTask(description, maxValue: total);
                    return work(() => bar.Increment(1));
                });
        }
        var done = 0;
        var lastDecile = 0;
        var gate = new object();
        return work(() =>
        {
            lock (gate)
            {
                done++;
                var decile = total == 0 ? 10 : done * 10 / total;
                if (decile > lastDecile)
                {
                    lastDecile = decile;
                    Console.Error.WriteLine($"{description}: {done}/{total}");
                }
            }
        });
    }
}
