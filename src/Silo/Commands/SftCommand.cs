using System.CommandLine;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript sft`: behaviour cloning on demo files (DESIGN §1 stages 1–2); options from a JSON config file, overridden by flags.</summary>
internal static class SftCommand
{
    internal static readonly OptionsBinder<SftOptions> Binder = new("sft", SftOptions.Json);
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("sft", "Behaviour cloning (SFT) of a tokenized or regression policy on demonstrations.");
        Binder.AddTo(command);
        command.Options.Add(JsonOption);
        command.SetAction(parse =>
        {
            SftOptions options;
            try
            {
                options = Binder.Bind(parse, SftOptions.Environment());
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                return CommandExit.Usage("sft", e.Message);
            }
            return Run(options, parse.GetValue(JsonOption));
        });
        return command;
    }

    internal static int Run(SftOptions options, bool json)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
            return CommandExit.Usage("sft", string.Join(Environment.NewLine + "sft: ", errors));
        if (OutputPath.Directory(options.Out, "sft --out") is { } outProblem)
            return CommandExit.Failed("sft", outProblem);
        SftResult result;
        try
        {
            result = ProgressBar.Run("sft steps", SftTrainer.TotalSteps(options), tick => SftTrainer.Run(options, tick));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            return CommandExit.Failed("sft", e.Message);
        }
        if (json)
        {
            JsonOutput.Print(new
            {
                Checkpoint = result.CheckpointDirectory,
                Metrics = result.MetricsPath,
                Report = result.ReportPath,
                FirstLoss = result.FirstLoss,
                FinalLoss = result.FinalLoss,
                Suite = options.Suite ?? options.Task,
                Tasks = result.Evaluation.Select(s => new { Task = s.TaskId, s.SuccessRate, s.Episodes }),
                MeanSuccessRate = double.IsNaN(result.MeanSuccessRate) ? (double?)null : result.MeanSuccessRate,
                Seconds = result.Seconds,
            });
            return CommandExit.Ok;
        }
        foreach (var (stage, loss) in result.FinalLoss)
            Console.Out.WriteLine($"{stage}: loss {result.FirstLoss[stage]:G4} → {loss:G4}");
        foreach (var s in result.Evaluation)
            Console.Out.WriteLine($"{s.TaskId}: success {s.SuccessRate:P0} over {s.Episodes} episodes");
        if (result.Evaluation.Count > 0)
            Console.Out.WriteLine($"mean success rate {result.MeanSuccessRate:P1}");
        Console.Out.WriteLine($"checkpoint {result.CheckpointDirectory}, report {result.ReportPath} ({result.Seconds:F0} s)");
        return CommandExit.Ok;
    }
}
