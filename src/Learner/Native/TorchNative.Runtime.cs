using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_runtime.h
internal static partial class TorchNative
{
    [LibraryImport(Library)] internal static partial nint rt_last_error();
    [LibraryImport(Library)] internal static partial int rt_threads_set(int n);
    [LibraryImport(Library)] internal static partial int rt_threads_get();
    [LibraryImport(Library)] internal static partial int rt_cuda_is_available();
    [LibraryImport(Library)] internal static partial int rt_cuda_device_count();
}
