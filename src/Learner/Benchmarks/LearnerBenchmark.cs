using System.Diagnostics;
using RiptOrleans.Learner.Native;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Benchmarks;

/// <summary>Options of one learner benchmark run.</summary>
public sealed record LearnerBenchmarkOptions
{
    /// <summary>Device of both paths (cpu or cuda).</summary>
    public Device Device { get; init; } = Device.Cpu;

    /// <summary>Intra-op threads of both paths (default: all cores).</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Consecutive timed steps per path per round.</summary>
    public int Steps { get; init; } = 1;

    /// <summary>Alternating rounds (C#, C++, C#, C++ …) so drift on a shared machine hits both.</summary>
    public int Rounds { get; init; } = 7;

    /// <summary>Steps of the tiny model whose RSS is sampled after 1,000 and after this many steps (leak check).</summary>
    public int LeakSteps { get; init; } = 10_000;

    /// <summary>Model of the timed comparison.</summary>
    public TransformerShape Shape { get; init; } = TransformerShape.Reference;

    /// <summary>Model of the leak check.</summary>
    public TransformerShape LeakShape { get; init; } = TransformerShape.Tiny;

    public ulong Seed { get; init; } = 1;
}

/// <summary>Outcome of one learner benchmark: steps/s of both paths and the details DESIGN §4 prints.</summary>
public sealed record LearnerBenchmarkResult(double CSharpStepsPerSecond, double CppStepsPerSecond, IReadOnlyDictionary<string, object?> Details);

/// <summary>
/// `ript bench learner`: AdamW training steps of the reference causal transformer through the C#
/// tensor API (value) against the same model written in C++ inside the shim (reference), same run,
/// same threads; plus peak RSS of a longer run of a tiny model through the C# API (a leak grows it).
/// </summary>
public static class LearnerBenchmark
{
    public static LearnerBenchmarkResult Run(LearnerBenchmarkOptions o)
    {
        if (o.Device.Type == DeviceType.Cuda && !CudaIsAvailable())
            throw new InvalidOperationException("--device cuda: no CUDA device is usable by this libtorch build");
        Threads = o.Threads;
        var details = new Dictionary<string, object?>();

        // 1. Leak check first, so that peak RSS reflects the C# path of the tiny model alone.
        var liveBefore = Tensor.LiveCount;
        var (rss1k, rssEnd, leakSeconds) = LeakRun(o);
        details["leak_threads"] = 1;
        details["leak_model"] = $"vocab {o.LeakShape.Vocab}, d_model {o.LeakShape.DModel}, {o.LeakShape.Layers} layers, batch {o.LeakShape.Batch}x{o.LeakShape.SeqLen}";
        details["leak_steps"] = o.LeakSteps;
        details["peak_rss_mb_after_1000_steps"] = rss1k;
        details["peak_rss_mb_after_all_leak_steps"] = rssEnd;
        details["rss_growth_mb"] = Math.Round(rssEnd - rss1k, 1);
        details["leak_seconds"] = Math.Round(leakSeconds, 2);
        details["live_tensors_leaked"] = Tensor.LiveCount - liveBefore;

        // 2. Timed comparison on the reference model.
        using var tokens = RandInt(0, o.Shape.Vocab, [o.Shape.Batch, o.Shape.SeqLen + 1], o.Device, null).DetachFromScope();
        ManualSeed(o.Seed);
        using var model = new ReferenceTransformer(o.Shape, o.Device);
        using var opt = new Optim.AdamW(model.Parameters(), lr: 3e-4, weightDecay: 0.01);
        TorchNative.Check(TorchNative.rt_bench_model_new(o.Shape.Vocab, o.Shape.DModel, o.Shape.Layers, o.Shape.Heads, o.Shape.SeqLen,
            3e-4, 0.01, o.Seed, (int)o.Device.Type, o.Device.Index, out var cpp));
        using (cpp)
        {
            TorchNative.Check(TorchNative.rt_bench_model_param_count(cpp, out var cppParams));
            // warm-up: one step each (allocator, thread pool, optimizer state)
            model.TrainStep(tokens, opt);
            TorchNative.Check(TorchNative.rt_bench_model_train(cpp, tokens.Handle, 1, out _, out _));

            // Interleaved single steps, order alternating per round. The figure is the fastest step of
            // each path: on a shared machine other processes only ever add time, so the minimum is the
            // best estimate of a path's own cost; median and mean are reported beside it.
            var cs = new List<double>();
            var cc = new List<double>();
            for (var r = 0; r < o.Rounds; r++)
            {
                for (var k = 0; k < 2; k++)
                {
                    if ((r + k) % 2 == 0)
                    {
                        var sw = Stopwatch.StartNew();
                        for (var s = 0; s < o.Steps; s++) model.TrainStep(tokens, opt);
                        cs.Add(sw.Elapsed.TotalSeconds / o.Steps);
                    }
                    else
                    {
                        TorchNative.Check(TorchNative.rt_bench_model_train(cpp, tokens.Handle, o.Steps, out var sec, out _));
                        cc.Add(sec / o.Steps);
                    }
                }
            }
            var steps = o.Steps * o.Rounds;
            details["model"] = $"causal transformer vocab {o.Shape.Vocab}, d_model {o.Shape.DModel}, {o.Shape.Layers} layers, {o.Shape.Heads} heads, MLP 4x";
            details["batch"] = $"{o.Shape.Batch}x{o.Shape.SeqLen}";
            details["parameters"] = model.ParameterCount();
            details["parameters_cpp"] = cppParams;
            details["threads"] = Threads;
            details["device"] = o.Device.ToString();
            details["timed_steps_per_path"] = steps;
            details["statistic"] = "fastest of the interleaved per-step times (median and mean beside)";
            details["csharp_step_ms"] = Math.Round(1000 * cs.Min(), 1);
            details["cpp_step_ms"] = Math.Round(1000 * cc.Min(), 1);
            details["csharp_step_ms_median"] = Math.Round(1000 * Median(cs), 1);
            details["cpp_step_ms_median"] = Math.Round(1000 * Median(cc), 1);
            details["csharp_step_ms_mean"] = Math.Round(1000 * cs.Average(), 1);
            details["cpp_step_ms_mean"] = Math.Round(1000 * cc.Average(), 1);
            return new LearnerBenchmarkResult(1 / cs.Min(), 1 / cc.Min(), details);
        }
    }

    private static (double Rss1k, double RssEnd, double Seconds) LeakRun(LearnerBenchmarkOptions o)
    {
        var s = o.LeakShape;
        // One intra-op thread: the tiny model's ops are too small to split, and on a shared machine
        // a second OpenMP thread waiting at every barrier slows each step tenfold.
        var threads = Threads;
        Threads = 1;
        using var restore = new ThreadCountRestorer(threads);
        using var tokens = RandInt(0, s.Vocab, [s.Batch, s.SeqLen + 1], o.Device, null).DetachFromScope();
        using var model = new ReferenceTransformer(s, o.Device);
        using var opt = new Optim.AdamW(model.Parameters(), lr: 1e-3);
        double rss1k = 0;
        var sw = Stopwatch.StartNew();
        for (var i = 1; i <= o.LeakSteps; i++)
        {
            model.TrainStep(tokens, opt);
            if (i == Math.Min(1000, o.LeakSteps)) rss1k = PeakRssMb();
        }
        return (rss1k, PeakRssMb(), sw.Elapsed.TotalSeconds);
    }

    private static double Median(List<double> xs)
    {
        var a = xs.OrderBy(x => x).ToArray();
        return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]);
    }

    private readonly struct ThreadCountRestorer(int threads) : IDisposable
    {
        public void Dispose() => Threads = threads;
    }

    /// <summary>Peak resident set size of the process (VmHWM) in MiB.</summary>
    private static double PeakRssMb()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return Math.Round(p.PeakWorkingSet64 / (1024.0 * 1024.0), 1);
    }
}
