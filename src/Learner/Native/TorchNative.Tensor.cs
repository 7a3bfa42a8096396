using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Native;

// rt_tensor.h
internal static unsafe partial class TorchNative
{
    [LibraryImport(Library)] internal static partial void rt_tensor_free(nint t);
    [LibraryImport(Library)] internal static partial long rt_tensor_live_count();
    [LibraryImport(Library)] internal static partial int rt_tensor_alias(TensorHandle t, out TensorHandle result);

    [LibraryImport(Library)] internal static partial int rt_tensor_from_blob(void* data, long* shape, int ndim, int dtype, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_copy_to(TensorHandle t, void* data, long nbytes);
    [LibraryImport(Library)] internal static partial int rt_tensor_full(long* shape, int ndim, double value, int dtype, int deviceType, int deviceIndex, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_arange(double start, double end, double step, int dtype, int deviceType, int deviceIndex, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_to(TensorHandle t, int dtype, int deviceType, int deviceIndex, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_clone(TensorHandle t, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_detach(TensorHandle t, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_contiguous(TensorHandle t, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_copy_(TensorHandle dst, TensorHandle src);
    [LibraryImport(Library)] internal static partial int rt_tensor_set_data(TensorHandle dst, TensorHandle src);
    [LibraryImport(Library)] internal static partial int rt_tensor_fill_(TensorHandle t, double value);

    [LibraryImport(Library)] internal static partial int rt_tensor_ndim(TensorHandle t, out int ndim);
    [LibraryImport(Library)] internal static partial int rt_tensor_shape(TensorHandle t, long* shape, int capacity);
    [LibraryImport(Library)] internal static partial int rt_tensor_numel(TensorHandle t, out long numel);
    [LibraryImport(Library)] internal static partial int rt_tensor_dtype(TensorHandle t, out int dtype);
    [LibraryImport(Library)] internal static partial int rt_tensor_device(TensorHandle t, out int deviceType, out int deviceIndex);
    [LibraryImport(Library)] internal static partial int rt_tensor_item(TensorHandle t, out double value);

    [LibraryImport(Library)] internal static partial int rt_tensor_unary(TensorHandle a, int op, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_binary(TensorHandle a, TensorHandle b, int op, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_binary_scalar(TensorHandle a, double s, int op, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_binary_(TensorHandle a, TensorHandle b, double s, int op);
    [LibraryImport(Library)] internal static partial int rt_tensor_clamp(TensorHandle a, double lo, int hasLo, double hi, int hasHi, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_where(TensorHandle cond, TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_masked_fill(TensorHandle a, TensorHandle mask, double value, out TensorHandle result);

    [LibraryImport(Library)] internal static partial int rt_tensor_reduce(TensorHandle a, int op, long* dims, int ndims, int keepdim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_argmax(TensorHandle a, long dim, int keepdim, int isMax, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_cumsum(TensorHandle a, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_topk(TensorHandle a, long k, long dim, int largest, out TensorHandle values, out TensorHandle indices);

    [LibraryImport(Library)] internal static partial int rt_tensor_matmul(TensorHandle a, TensorHandle b, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_bmm(TensorHandle a, TensorHandle b, out TensorHandle result);

    [LibraryImport(Library)] internal static partial int rt_tensor_reshape(TensorHandle a, long* shape, int ndim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_permute(TensorHandle a, long* dims, int ndim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_expand(TensorHandle a, long* shape, int ndim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_transpose(TensorHandle a, long dim0, long dim1, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_squeeze(TensorHandle a, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_unsqueeze(TensorHandle a, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_flatten(TensorHandle a, long startDim, long endDim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_slice(TensorHandle a, long dim, long start, long end, long step, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_select(TensorHandle a, long dim, long index, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_cat(nint* ts, int n, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_stack(nint* ts, int n, long dim, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_tril(TensorHandle a, long diagonal, int upper, out TensorHandle result);

    [LibraryImport(Library)] internal static partial int rt_tensor_index_select(TensorHandle a, long dim, TensorHandle index, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_gather(TensorHandle a, long dim, TensorHandle index, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_scatter(TensorHandle a, long dim, TensorHandle index, TensorHandle src, int add, out TensorHandle result);
    [LibraryImport(Library)] internal static partial int rt_tensor_masked_select(TensorHandle a, TensorHandle mask, out TensorHandle result);
}
