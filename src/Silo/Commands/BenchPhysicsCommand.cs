using System.CommandLine;
using RiptOrleans.Physics.Benchmarks;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench physics`: control steps/s of the C# env step path vs a bare C loop of mj_step, on the reference scene and per suite.</summary>
internal static class BenchPhysicsCommand
{
    private static readonly Option<double> SecondsOption = new("--seconds")
    {
        Description = "Seconds each path runs per round (paths interleave within a round; the median over rounds is reported).",
        DefaultValueFactory = _ => 0.5,
    };

    private static readonly Option<int> RoundsOption = new("--rounds") { Description = "Interleaved rounds per measurement.", DefaultValueFactory = _ => 7 };

    private static readonly Option<bool> NoSuitesOption = new("--no-suites") { Description = "Skip the per-suite full env step figures." };

    private static readonly Option<string> SuiteOption = new("--suite", "-s") { Description = "Only this suite's env step figures (default: every suite)." };

    private static readonly Option<int> ImageSizeOption = new("--image-size") { Description = "Width and height of the two camera frames of the image path.", DefaultValueFactory = _ => 64 };

    public static Command Create()
    {
        var command = new Command("physics", "C# env step path (ctrl, substeps, observation) vs rm_bench_step_loop, control steps/s, on the reference scene and per suite.");
        foreach (var o in new Option[] { BenchCommand.JsonOption, SecondsOption, RoundsOption, NoSuitesOption, SuiteOption, ImageSizeOption })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(SecondsOption);
            var rounds = parse.GetValue(RoundsOption);
            var imageSize = parse.GetValue(ImageSizeOption);
            var suite = parse.GetValue(SuiteOption);
            if (!(seconds > 0))
                return CommandExit.Usage("bench physics", $"--seconds must be > 0, got {seconds}");
            if (rounds < 1)
                return CommandExit.Usage("bench physics", $"--rounds must be ≥ 1, got {rounds}");
            if (imageSize is < 16 or > 512)
                return CommandExit.Usage("bench physics", $"--image-size must be in [16, 512], got {imageSize}");
            if (suite is { Length: > 0 } && !TaskRegistry.SuiteNames.Contains(suite))
                return CommandExit.Usage("bench physics", $"--suite: unknown suite '{suite}'; known suites: {string.Join(", ", TaskRegistry.SuiteNames)}");
            try
            {
                var r = PhysicsBenchmark.Run(seconds, rounds);
                IEnumerable<string> names = suite is { Length: > 0 } ? [suite] : TaskRegistry.SuiteNames;
                var suites = parse.GetValue(NoSuitesOption) ? [] : ProgressBar.Run("suites", names.Count(), tick => names.Select(s =>
                {
                    var t = EnvBenchmark.Run(s, seconds, rounds, imageSize: imageSize);
                    tick();
                    return t;
                }).ToList());
                var report = new BenchReport("physics", r.ControlStepsPerSecond, r.ReferenceControlStepsPerSecond, "control_steps/s",
                    new Dictionary<string, object?>
                    {
                        ["scene"] = "reference-scene",
                        ["median_ratio"] = r.Ratio,
                        ["ratio_spread"] = Spread(r.RatioRounds),
                        ["wall_clock_ratio"] = r.WallRatioRounds?.Median,
                        ["wall_clock_ratio_spread"] = Spread(r.WallRatioRounds),
                        ["clock"] = "thread cpu time",
                        ["value_spread"] = Spread(r.ManagedRounds),
                        ["reference_spread"] = Spread(r.ReferenceRounds),
                        ["substeps"] = r.Substeps,
                        ["timestep"] = r.Timestep,
                        ["physics_steps_per_s"] = r.PhysicsStepsPerSecond,
                        ["reference_physics_steps_per_s"] = r.ReferenceControlStepsPerSecond * r.Substeps,
                        ["control_steps_per_round"] = r.ControlStepsPerRound,
                        ["rounds"] = r.Rounds,
                        ["nq"] = r.Nq,
                        ["nv"] = r.Nv,
                        ["nu"] = r.Nu,
                        ["contacts"] = r.Contacts,
                        ["warnings"] = r.Warnings,
                        ["target_ratio"] = 0.95,
                        ["suites"] = suites.Select(s => new Dictionary<string, object?>
                        {
                            ["suite"] = s.Suite,
                            ["tasks"] = s.Tasks,
                            ["rounds"] = s.Rounds,
                            ["control_steps_per_task_per_round"] = s.StepsPerRound,
                            ["env_steps_per_s"] = s.EnvStepsPerSecond.Median,
                            ["env_steps_per_s_spread"] = Spread(s.EnvStepsPerSecond),
                            ["env_steps_per_s_two_cameras"] = s.ImageStepsPerSecond.Median,
                            ["env_steps_per_s_two_cameras_spread"] = Spread(s.ImageStepsPerSecond),
                            ["camera_size"] = s.ImageSize,
                            ["bare_mj_step_replay_steps_per_s"] = s.BareStepsPerSecond.Median,
                            ["bare_mj_step_replay_steps_per_s_spread"] = Spread(s.BareStepsPerSecond),
                            ["ratio"] = s.Ratio.Median,
                            ["ratio_spread"] = Spread(s.Ratio),
                            ["wall_clock_env_steps_per_s"] = s.WallEnvStepsPerSecond.Median,
                            ["wall_clock_ratio"] = s.WallRatio.Median,
                            ["wall_clock_ratio_spread"] = Spread(s.WallRatio),
                            ["target_ratio"] = SuiteThroughput.TargetRatio,
                        }).ToList(),
                    });
                return report.Print(parse.GetValue(BenchCommand.JsonOption));
            }
            catch (MujocoException e)
            {
                return CommandExit.Failed("bench physics", e.Message);
            }
        });
        return command;
    }

    /// <summary>The lowest and highest round, as a two-element array (null when only one measurement was made).</summary>
    private static double[]? Spread(RoundStats? s) => s is null ? null : [s.Min, s.Max];
}
