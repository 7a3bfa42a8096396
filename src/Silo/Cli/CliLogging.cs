using System.CommandLine;
using Serilog;
using Serilog.Events;

namespace RiptOrleans.Silo.Cli;

/// <summary>Serilog set-up of the command line: structured logs on stderr, so stdout holds summaries and JSON.</summary>
internal static class CliLogging
{
    public static readonly Option<string> VerbosityOption = new("--verbosity", "-v")
    {
        Description = "Log level on stderr: quiet, normal, detailed (RIPT_VERBOSITY overrides the default).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RIPT_VERBOSITY") ?? "normal",
        Recursive = true,
    };

    public static void Configure(string? verbosity)
    {
        var level = verbosity switch
        {
            "quiet" or "q" => LogEventLevel.Warning,
            "detailed" or "d" or "diag" => LogEventLevel.Debug,
            _ => LogEventLevel.Information,
        };
        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Is(level)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose,
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext:l}: {Message:lj}{NewLine}{Exception}")
            .CreateLogger();
    }
}
