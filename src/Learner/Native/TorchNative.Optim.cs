using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_optim.h
internal static unsafe partial class TorchNative
{
    [LibraryImport(Library)] internal static partial int rt_optim_adamw_new(nint* parameters, int n, double lr, double beta1, double beta2, double eps, double weightDecay, out OptimizerHandle result);
    [LibraryImport(Library)] internal static partial int rt_optim_add_group(OptimizerHandle opt, nint* parameters, int n, double lr, double weightDecay);
    [LibraryImport(Library)] internal static partial void rt_optim_free(nint opt);
    [LibraryImport(Library)] internal static partial int rt_optim_step(OptimizerHandle opt);
    [LibraryImport(Library)] internal static partial int rt_optim_zero_grad(OptimizerHandle opt, int setToNone);
    [LibraryImport(Library)] internal static partial int rt_optim_group_count(OptimizerHandle opt, out int count);
    [LibraryImport(Library)] internal static partial int rt_optim_group_get(OptimizerHandle opt, int group, out double lr, out double weightDecay);
    [LibraryImport(Library)] internal static partial int rt_optim_group_set(OptimizerHandle opt, int group, double lr, double weightDecay);
    [LibraryImport(Library)] internal static partial int rt_optim_state_get(OptimizerHandle opt, TensorHandle param, out int hasState, out long step, out TensorHandle expAvg, out TensorHandle expAvgSq);
    [LibraryImport(Library)] internal static partial int rt_optim_state_set(OptimizerHandle opt, TensorHandle param, long step, TensorHandle expAvg, TensorHandle expAvgSq);
    [LibraryImport(Library)] internal static partial int rt_optim_clip_grad_norm(nint* parameters, int n, double maxNorm, double normType, out double totalNorm);
}
