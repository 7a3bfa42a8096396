using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_autograd.h
internal static partial class TorchNative
{
    [LibraryImport(Library)] internal static partial int rt_autograd_requires_grad_set(TensorHandle t, int requiresGrad);
    [LibraryImport(Library)] internal static partial int rt_autograd_requires_grad_get(TensorHandle t, out int requiresGrad);
    [LibraryImport(Library)] internal static partial int rt_autograd_backward(TensorHandle t, TensorHandle grad, int retainGraph);
    [LibraryImport(Library)] internal static partial int rt_autograd_grad(TensorHandle t, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_autograd_grad_clear(TensorHandle t);
    [LibraryImport(Library)] internal static partial int rt_autograd_grad_mode_set(int enabled, out int previous);
    [LibraryImport(Library)] internal static partial int rt_autograd_grad_mode_get();
}
