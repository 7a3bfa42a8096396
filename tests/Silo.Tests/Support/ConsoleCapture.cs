namespace RiptOrleans.Silo.Tests.Support;

/// <summary>Runs a command with stdout and stderr captured (tests using it share the "Console" collection, so none run at once).</summary>
internal static class ConsoleCapture
{
    public static (int Code, string Stdout, string Stderr) Run(Func<int> run)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            return (run(), stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}
