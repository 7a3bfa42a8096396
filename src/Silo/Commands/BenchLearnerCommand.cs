using System.CommandLine;
using RiptOrleans.Learner.Benchmarks;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Commands;

/// <summary>`ript bench learner`: C# tensor-API training steps/s vs the same model in C++ in the shim (DESIGN §6).</summary>
internal static class BenchLearnerCommand
{
    public static Command Create()
    {
        var device = new Option<string>("--device") { Description = "cpu or cuda (both paths run there).", DefaultValueFactory = _ => "cpu" };
        var leakSteps = new Option<int>("--leak-steps") { Description = "Steps of the tiny model whose peak RSS is sampled after 1,000 and after N steps.", DefaultValueFactory = _ => 10_000 };
        var steps = new Option<int>("--steps") { Description = "Consecutive timed training steps per path per round.", DefaultValueFactory = _ => 1 };
        var rounds = new Option<int>("--rounds") { Description = "Interleaved timing rounds (C# and C++ alternate who goes first); the fastest step of each path is the figure.", DefaultValueFactory = _ => 7 };
        var model = new Option<string>("--model") { Description = "reference (~5M parameters, batch 64x32) or tiny (smoke tests).", DefaultValueFactory = _ => "reference" };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads of both paths.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var cmd = new Command("learner", "One AdamW step of a ~5M-parameter causal transformer through the C# API vs in C++ (steps/s).");
        cmd.Options.Add(BenchCommand.JsonOption);
        cmd.Options.Add(device);
        cmd.Options.Add(leakSteps);
        cmd.Options.Add(steps);
        cmd.Options.Add(rounds);
        cmd.Options.Add(threads);
        cmd.Options.Add(model);
        cmd.SetAction(parse =>
        {
            Device dev;
            try
            {
                dev = Device.Parse(parse.GetValue(device) ?? "cpu");
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"bench learner: --device: {e.Message}");
                return 2;
            }
            var shape = parse.GetValue(model) switch
            {
                "reference" => TransformerShape.Reference,
                "tiny" => TransformerShape.Tiny,
                var other => null,
            };
            if (shape is null)
            {
                Console.Error.WriteLine($"bench learner: --model must be reference or tiny, got '{parse.GetValue(model)}'");
                return 2;
            }
            int n = parse.GetValue(steps), r = parse.GetValue(rounds), t = parse.GetValue(threads), leak = parse.GetValue(leakSteps);
            if (n < 1 || r < 1 || t < 1 || leak < 1)
            {
                Console.Error.WriteLine($"bench learner: --steps, --rounds, --threads and --leak-steps must be >= 1 (got {n}, {r}, {t}, {leak})");
                return 2;
            }
            try
            {
                var result = LearnerBenchmark.Run(new LearnerBenchmarkOptions { Device = dev, Steps = n, Rounds = r, Threads = t, LeakSteps = leak, Shape = shape });
                return new BenchReport("learner", result.CSharpStepsPerSecond, result.CppStepsPerSecond, "steps/s", result.Details).Print(parse.GetValue(BenchCommand.JsonOption));
            }
            catch (Exception e) when (e is TorchException or InvalidOperationException)
            {
                Console.Error.WriteLine($"bench learner: {e.Message}");
                return 1;
            }
        });
        return cmd;
    }
}
