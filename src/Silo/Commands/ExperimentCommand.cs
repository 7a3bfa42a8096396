using System.CommandLine;
using System.Globalization;
using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript experiment NAME`: one paper figure or table as a resumable grid of cells (demos → pretrain SFT → SFT → RIPT →
/// eval), each started through the same launcher as `ript train`; writes results.jsonl, results.md and results.html.
/// Parses and wires only: the grid, the pipeline, the store and the writers are RiptOrleans.Grains.Experiments.
/// </summary>
internal static class ExperimentCommand
{
    private static readonly Argument<string?> NameArgument = new("name")
    {
        Description = "Experiment: " + string.Join(", ", ExperimentRegistry.All.Select(e => e.Name)) + ".",
        Arity = ArgumentArity.ZeroOrOne,
    };
    private static readonly Option<string> PairsOption = new("--pairs") { Description = "Transfer pairs to run, comma-separated (pair experiments and ablations)." };
    private static readonly Option<string> SuitesOption = new("--suites") { Description = "Suites to run, comma-separated (multitask, few-shot, ablations)." };
    private static readonly Option<string> DemosOption = new("--demos") { Description = "Demos per task, comma-separated (e.g. 1,3,5)." };
    private static readonly Option<string> SeedsOption = new("--seeds") { Description = "Seeds: a count N (seeds 1..N) or a comma-separated list (\"3,\" for seed 3 alone)." };
    private static readonly Option<string> FamiliesOption = new("--families") { Description = "Policy families, comma-separated: tokenized, regression." };
    private static readonly Option<string> VariantsOption = new("--variants") { Description = "Variants of an ablation, comma-separated (see --list)." };
    private static readonly Option<int?> IterationsOption = new("--iterations") { Description = "RIPT iterations per cell (default 15)." };
    private static readonly Option<int?> EvalInitsOption = new("--eval-inits") { Description = "Held-out evaluation contexts per task (default 50)." };
    private static readonly Option<int?> EvalEveryOption = new("--eval-every") { Description = "Evaluate every N iterations for the SR-vs-iteration curve (default 5; 0: before and after only)." };
    private static readonly Option<int?> PretrainDemosOption = new("--pretrain-demos") { Description = "Expert demos of a pair's source task (default 50)." };
    private static readonly Option<int?> SftStepsOption = new("--sft-steps") { Description = "Cap on every SFT stage's steps (short runs)." };
    private static readonly Option<int?> KOption = new("--k") { Description = "Rollouts per context (default: the family's)." };
    private static readonly Option<int?> BatchOption = new("--batch-size") { Description = "Trajectories per RIPT iteration (default: the family's per pair, K x tasks per suite)." };
    private static readonly Option<long?> SimStepBudgetOption = new("--sim-step-budget") { Description = "Env steps each cell's stage 3 may spend, every rollout counted (compare: the same budget for RIPT and iRe-VLA); default: none." };
    private static readonly Option<int?> WorkersOption = new("--workers") { Description = "Worker threads (default: one per core)." };
    private static readonly Option<string> OutOption = new("--out", "-o") { Description = "Experiment directory (default runs/experiments/NAME)." };
    private static readonly Option<bool> ResumeOption = new("--resume") { Description = "Continue the experiment in --out: skip finished cells, rerun a half-finished one." };
    private static readonly Option<bool> ListOption = new("--list") { Description = "List the experiments, or with NAME its grid, without running anything." };
    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print one JSON object as the last line." };

    public static Command Create()
    {
        var command = new Command("experiment", "A paper table or figure as a resumable grid of runs: results.jsonl, results.md, results.html.");
        command.Arguments.Add(NameArgument);
        foreach (var o in new Option[] { PairsOption, SuitesOption, DemosOption, SeedsOption, FamiliesOption, VariantsOption, IterationsOption, EvalInitsOption,
                     EvalEveryOption, PretrainDemosOption, SftStepsOption, KOption, BatchOption, SimStepBudgetOption, WorkersOption, OutOption, ResumeOption, ListOption, JsonOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var name = parse.GetValue(NameArgument);
            if (name is null || parse.GetValue(ListOption) && ExperimentRegistry.Find(name) is null)
            {
                if (name is not null) return CommandExit.Usage("experiment", UnknownName(name));
                foreach (var e in ExperimentRegistry.All)
                    Console.Out.WriteLine($"{e.Name,-18} {e.Title}");
                return parse.GetValue(ListOption) ? CommandExit.Ok : CommandExit.Usage("experiment", "name an experiment (listed above)");
            }
            var definition = ExperimentRegistry.Find(name);
            if (definition is null) return CommandExit.Usage("experiment", UnknownName(name));
            GridSelection selection;
            try
            {
                selection = new GridSelection
                {
                    Pairs = List(parse.GetValue(PairsOption)),
                    Suites = List(parse.GetValue(SuitesOption)),
                    Demos = Ints(parse.GetValue(DemosOption), "--demos"),
                    Seeds = Seeds(parse.GetValue(SeedsOption)),
                    Families = Families(parse.GetValue(FamiliesOption)),
                    Variants = List(parse.GetValue(VariantsOption)),
                };
            }
            catch (FormatException e)
            {
                return CommandExit.Usage("experiment", e.Message);
            }
            var defaults = new CellSettings();
            var settings = defaults with
            {
                Iterations = parse.GetValue(IterationsOption) ?? defaults.Iterations,
                EvalInits = parse.GetValue(EvalInitsOption) ?? defaults.EvalInits,
                EvalEvery = parse.GetValue(EvalEveryOption) ?? defaults.EvalEvery,
                PretrainDemos = parse.GetValue(PretrainDemosOption) ?? defaults.PretrainDemos,
                SftStepCap = parse.GetValue(SftStepsOption),
                K = parse.GetValue(KOption),
                BatchSize = parse.GetValue(BatchOption),
                SimStepBudget = parse.GetValue(SimStepBudgetOption),
                Workers = parse.GetValue(WorkersOption) is { } w and > 0 ? w : defaults.Workers,
            };
            var outDir = parse.GetValue(OutOption) ?? Path.Combine("runs", "experiments", name);
            return await RunAsync(definition, selection, settings, outDir, parse.GetValue(ResumeOption), parse.GetValue(ListOption), parse.GetValue(JsonOption), ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ExperimentDefinition definition, GridSelection selection, CellSettings settings, string outDir, bool resume,
        bool listOnly, bool json, CancellationToken ct)
    {
        ExperimentGrid grid;
        try
        {
            grid = ExperimentGrid.Expand(definition, selection);
        }
        catch (ArgumentException e)
        {
            return CommandExit.Usage("experiment", e.Message);
        }
        var errors = settings.Validate();
        if (errors.Count > 0) return CommandExit.Usage("experiment", string.Join(Environment.NewLine + "experiment: ", errors));
        void Say(string line) => (json ? Console.Error : Console.Out).WriteLine(line);
        foreach (var note in grid.Notes) Say($"note: {note}");
        Say($"{definition.Name}: {grid.Cells.Count} cells ({definition.Title}); paper: {definition.Paper}");
        if (listOnly)
        {
            foreach (var c in grid.Cells) Say($"  {c.Id}");
            return CommandExit.Ok;
        }
        var runner = new ExperimentRunner(outDir, settings, RiptRunLauncher.Starter)
        {
            Hooks = new CellHooks
            {
                Say = line => Say($"  {line}"),
                RunSft = Sft,
                OnIteration = r => Say($"    iteration {r.Iteration + 1}/{settings.Iterations}: rollout SR {r.RolloutSuccessRate:P0}, {r.Accepted} accepted / " +
                    $"{r.RejectedAllSuccess} all-success / {r.RejectedAllFail} all-fail, {r.RolloutsPerSecond:F1} rollouts/s, " +
                    $"{r.RolloutSeconds:F0}s rollouts + {r.LearnerSeconds:F0}s update"),
            },
            OnCell = (i, n, cell, what) => Say(what == "skip" ? $"cell {i + 1}/{n} {cell.Id}: finished earlier, skipped"
                : $"cell {i + 1}/{n} {cell.Id}{(what == "rerun" ? ": half-finished, running it again" : "")}"),
        };
        IReadOnlyList<CellResult> results;
        try
        {
            results = await runner.RunAsync(grid, resume, ct);
        }
        catch (InvalidOperationException e) when (e.Message.Contains("--resume") || e.Message.Contains("--out"))
        {
            return CommandExit.Usage("experiment", e.Message);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or KeyNotFoundException)
        {
            return CommandExit.Failed("experiment", $"{e.Message} (finished cells are kept in {Path.GetFullPath(outDir)}; continue with --resume)");
        }
        if (json)
        {
            JsonOutput.Print(new
            {
                Experiment = definition.Name, Out = Path.GetFullPath(outDir), Cells = grid.Cells.Count, Finished = results.Count,
                Table = Path.GetFullPath(runner.TablePath), Page = Path.GetFullPath(runner.PagePath), Results = results,
            });
            return CommandExit.Ok;
        }
        Console.Out.WriteLine();
        Console.Out.Write(File.ReadAllText(runner.TablePath));
        Console.Out.WriteLine($"results: {Path.GetFullPath(runner.ResultsPath)}; plots: {Path.GetFullPath(runner.PagePath)}");
        return CommandExit.Ok;
    }

    private static string UnknownName(string name) =>
        $"unknown experiment '{name}'; known: {string.Join(", ", ExperimentRegistry.All.Select(e => e.Name))}";

    private static SftResult Sft(SftOptions options) =>
        ProgressBar.Run("sft steps", SftTrainer.TotalSteps(options), tick => SftTrainer.Run(options, tick));

    private static IReadOnlyList<string>? List(string? value) =>
        value is null ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IReadOnlyList<int>? Ints(string? value, string flag) => List(value)?.Select(v =>
        int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{flag}: '{v}' is not a whole number")).ToList();

    /// <summary>"3" means seeds 1, 2, 3 (the paper's "--seeds 3"); "1,4" lists them.</summary>
    private static IReadOnlyList<int>? Seeds(string? value)
    {
        var seeds = Ints(value, "--seeds");
        return seeds is [var n and >= 1] && !value!.Contains(',') ? Enumerable.Range(1, n).ToList() : seeds;
    }

    private static IReadOnlyList<PolicyKind>? Families(string? value) => List(value)?.Select(v =>
        Enum.TryParse<PolicyKind>(v, ignoreCase: true, out var f) && !int.TryParse(v, out _) ? f
            : throw new FormatException($"--families: '{v}' is not a family; known: tokenized, regression")).ToList();
}
