using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_random.h
internal static unsafe partial class TorchNative
{
    [LibraryImport(Library)] internal static partial int rt_generator_new(ulong seed, int deviceType, int deviceIndex, out GeneratorHandle result);
    [LibraryImport(Library)] internal static partial void rt_generator_free(nint gen);
    [LibraryImport(Library)] internal static partial int rt_generator_seed_set(GeneratorHandle gen, ulong seed);
    [LibraryImport(Library)] internal static partial int rt_generator_state_get(GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_generator_state_set(GeneratorHandle gen, TensorHandle state);
    [LibraryImport(Library)] internal static partial int rt_random_manual_seed(ulong seed);
    [LibraryImport(Library)] internal static partial int rt_random_normal(long* shape, int ndim, double mean, double std, int dtype, int deviceType, int deviceIndex, GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_random_uniform(long* shape, int ndim, double lo, double hi, int dtype, int deviceType, int deviceIndex, GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_random_randint(long* shape, int ndim, long lo, long hi, int deviceType, int deviceIndex, GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_random_multinomial(TensorHandle probs, long n, int replacement, GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_random_bernoulli(TensorHandle p, GeneratorHandle gen, out TensorHandle result);
}
