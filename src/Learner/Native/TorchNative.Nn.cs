using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_nn.h
internal static unsafe partial class TorchNative
{
    [LibraryImport(Library)] internal static partial int rt_nn_linear(TensorHandle x, TensorHandle w, TensorHandle b, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_softmax(TensorHandle x, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_log_softmax(TensorHandle x, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_layer_norm(TensorHandle x, long* shape, int ndim, TensorHandle w, TensorHandle b, double eps, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_conv2d(TensorHandle x, TensorHandle w, TensorHandle b, long* stride, long* padding, long* dilation, long groups, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_pool2d(TensorHandle x, long* kernel, long* stride, long* padding, int isMax, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_adaptive_avg_pool2d(TensorHandle x, long oh, long ow, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_embedding(TensorHandle w, TensorHandle indices, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_dropout(TensorHandle x, double p, int train, GeneratorHandle gen, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_scaled_dot_product_attention(TensorHandle q, TensorHandle k, TensorHandle v, int causal, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_cross_entropy(TensorHandle logits, TensorHandle target, int reduction, long ignoreIndex, double labelSmoothing, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_l1_loss(TensorHandle x, TensorHandle y, int reduction, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_nn_mse_loss(TensorHandle x, TensorHandle y, int reduction, out TensorHandle result);
}
