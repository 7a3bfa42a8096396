namespace RiptOrleans.Silo.Cli;

/// <summary>The command line's exit codes (0 ok, 1 failed, 2 bad usage) with their one-line message on stderr.</summary>
internal static class CommandExit
{
    public const int Ok = 0;

    /// <summary>The command ran and failed; the message says what happened.</summary>
    public static int Failed(string command, string message)
    {
        Console.Error.WriteLine($"{command}: {message}");
        return 1;
    }

    /// <summary>The arguments are wrong; the message names the bad input.</summary>
    public static int Usage(string command, string message)
    {
        Console.Error.WriteLine($"{command}: {message}");
        return 2;
    }
}
