using System.CommandLine;
using RiptOrleans.Physics.Benchmarks;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench physics`: control steps/s of the C# env step path vs a bare C loop of mj_step on the reference scene.</summary>
internal static class BenchPhysicsCommand
{
    private static readonly Option<double> SecondsOption = new("--seconds")
    {
        Description = "Seconds per measured round of each path (5 rounds each, alternating; the best of each counts).",
        DefaultValueFactory = _ => 0.4,
    };

    private static readonly Option<bool> NoSuitesOption = new("--no-suites") { Description = "Skip the per-suite full env step figures." };

    public static Command Create()
    {
        var command = new Command("physics", "C# env step path (ctrl, 25 substeps, observation) vs rm_bench_step_loop, control steps/s.");
        command.Options.Add(BenchCommand.JsonOption);
        command.Options.Add(SecondsOption);
        command.Options.Add(NoSuitesOption);
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(SecondsOption);
            if (!(seconds > 0))
            {
                Console.Error.WriteLine($"bench physics: --seconds must be > 0, got {seconds}");
                return 2;
            }
            try
            {
                var r = PhysicsBenchmark.Run(seconds);
                var suites = parse.GetValue(NoSuitesOption) ? [] : TaskRegistry.SuiteNames.Select(s => EnvBenchmark.Run(s, seconds)).ToList();
                var report = new BenchReport("physics", r.ControlStepsPerSecond, r.ReferenceControlStepsPerSecond, "control_steps/s",
                    new Dictionary<string, object?>
                    {
                        ["scene"] = "reference-scene",
                        ["substeps"] = r.Substeps,
                        ["timestep"] = r.Timestep,
                        ["physics_steps_per_s"] = r.PhysicsStepsPerSecond,
                        ["reference_physics_steps_per_s"] = r.ReferenceControlStepsPerSecond * r.Substeps,
                        ["control_steps_per_round"] = r.ControlStepsPerRound,
                        ["rounds"] = r.Rounds,
                        ["seconds"] = r.Seconds,
                        ["reference_seconds"] = r.ReferenceSeconds,
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
                            ["env_steps_per_s"] = s.EnvStepsPerSecond,
                            ["env_steps_per_s_two_cameras"] = s.ImageStepsPerSecond,
                            ["bare_mj_step_replay_steps_per_s"] = s.BareStepsPerSecond,
                            ["ratio"] = s.Ratio,
                            ["target_ratio"] = 0.9,
                        }).ToList(),
                    });
                return report.Print(parse.GetValue(BenchCommand.JsonOption));
            }
            catch (MujocoException e)
            {
                Console.Error.WriteLine($"bench physics: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
