using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_bench.h
internal static partial class TorchNative
{
    [LibraryImport(Library)] internal static partial int rt_bench_model_new(long vocab, long dModel, long nLayer, long nHead, long seqLen, double lr, double weightDecay, ulong seed, int deviceType, int deviceIndex, out BenchModelHandle result);
    [LibraryImport(Library)] internal static partial void rt_bench_model_free(nint m);
    [LibraryImport(Library)] internal static partial int rt_bench_model_param_count(BenchModelHandle m, out long count);
    [LibraryImport(Library)] internal static partial int rt_bench_model_train(BenchModelHandle m, TensorHandle tokens, int steps, out double seconds, out double loss);
}
