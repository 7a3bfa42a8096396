using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

// Tensor operations: operators, elementwise math, reductions, linear algebra, shapes, indexing.
public sealed partial class Tensor
{
    // Op codes of rt_tensor.h.
    private enum Unary { Neg, Exp, Log, Sqrt, Rsqrt, Abs, Sign, Tanh, Sigmoid, Relu, Gelu, GeluTanh, Silu, Sin, Cos, Log1p, Expm1, Square, Floor, Ceil, Round, LogicalNot, Reciprocal, Softplus }
    private enum Binary { Add, Sub, Mul, Div, Pow, Maximum, Minimum, Eq, Ne, Lt, Le, Gt, Ge, LogicalAnd, LogicalOr, Remainder, RSub, RDiv, Atan2 }
    private enum Reduce { Sum, Mean, AMax, AMin, Prod, Var, Std, LogSumExp, Norm2, All, Any }

    private Tensor Un(Unary op) => Checked(TorchNative.rt_tensor_unary(Handle, (int)op, out var h), h);
    private Tensor Bin(Tensor other, Binary op) => Checked(TorchNative.rt_tensor_binary(Handle, other.Handle, (int)op, out var h), h);
    private Tensor Bin(double s, Binary op) => Checked(TorchNative.rt_tensor_binary_scalar(Handle, s, (int)op, out var h), h);

    private unsafe Tensor Red(Reduce op, ReadOnlySpan<long> dims, bool keepDim)
    {
        fixed (long* d = dims)
            return Checked(TorchNative.rt_tensor_reduce(Handle, (int)op, d, dims.Length, keepDim ? 1 : 0, out var h), h);
    }

    //---------------------------------- operators -------------------------------------------------

    public static Tensor operator +(Tensor a, Tensor b) => a.Bin(b, Binary.Add);
    public static Tensor operator -(Tensor a, Tensor b) => a.Bin(b, Binary.Sub);
    public static Tensor operator *(Tensor a, Tensor b) => a.Bin(b, Binary.Mul);
    public static Tensor operator /(Tensor a, Tensor b) => a.Bin(b, Binary.Div);
    public static Tensor operator +(Tensor a, double s) => a.Bin(s, Binary.Add);
    public static Tensor operator -(Tensor a, double s) => a.Bin(s, Binary.Sub);
    public static Tensor operator *(Tensor a, double s) => a.Bin(s, Binary.Mul);
    public static Tensor operator /(Tensor a, double s) => a.Bin(s, Binary.Div);
    public static Tensor operator +(double s, Tensor a) => a.Bin(s, Binary.Add);
    public static Tensor operator -(double s, Tensor a) => a.Bin(s, Binary.RSub);
    public static Tensor operator *(double s, Tensor a) => a.Bin(s, Binary.Mul);
    public static Tensor operator /(double s, Tensor a) => a.Bin(s, Binary.RDiv);
    public static Tensor operator -(Tensor a) => a.Un(Unary.Neg);

    //---------------------------------- elementwise -----------------------------------------------

    public Tensor Neg() => Un(Unary.Neg);
    public Tensor Exp() => Un(Unary.Exp);
    public Tensor Log() => Un(Unary.Log);
    public Tensor Sqrt() => Un(Unary.Sqrt);
    public Tensor Rsqrt() => Un(Unary.Rsqrt);
    public Tensor Abs() => Un(Unary.Abs);
    public Tensor Sign() => Un(Unary.Sign);
    public Tensor Tanh() => Un(Unary.Tanh);
    public Tensor Sigmoid() => Un(Unary.Sigmoid);
    public Tensor Relu() => Un(Unary.Relu);
    /// <summary>Exact (erf) GELU; approximateTanh selects the tanh form.</summary>
    public Tensor Gelu(bool approximateTanh = false) => Un(approximateTanh ? Unary.GeluTanh : Unary.Gelu);
    public Tensor Silu() => Un(Unary.Silu);
    public Tensor Sin() => Un(Unary.Sin);
    public Tensor Cos() => Un(Unary.Cos);
    public Tensor Log1p() => Un(Unary.Log1p);
    public Tensor Expm1() => Un(Unary.Expm1);
    public Tensor Square() => Un(Unary.Square);
    public Tensor Floor() => Un(Unary.Floor);
    public Tensor Ceil() => Un(Unary.Ceil);
    public Tensor Round() => Un(Unary.Round);
    public Tensor LogicalNot() => Un(Unary.LogicalNot);
    public Tensor Reciprocal() => Un(Unary.Reciprocal);
    public Tensor Softplus() => Un(Unary.Softplus);

    public Tensor Pow(double exponent) => Bin(exponent, Binary.Pow);
    public Tensor Pow(Tensor exponent) => Bin(exponent, Binary.Pow);
    public Tensor Maximum(Tensor other) => Bin(other, Binary.Maximum);
    public Tensor Minimum(Tensor other) => Bin(other, Binary.Minimum);
    public Tensor Remainder(double s) => Bin(s, Binary.Remainder);
    public Tensor Atan2(Tensor other) => Bin(other, Binary.Atan2);
    public Tensor Eq(Tensor other) => Bin(other, Binary.Eq);
    public Tensor Ne(Tensor other) => Bin(other, Binary.Ne);
    public Tensor Lt(Tensor other) => Bin(other, Binary.Lt);
    public Tensor Le(Tensor other) => Bin(other, Binary.Le);
    public Tensor Gt(Tensor other) => Bin(other, Binary.Gt);
    public Tensor Ge(Tensor other) => Bin(other, Binary.Ge);
    public Tensor Eq(double s) => Bin(s, Binary.Eq);
    public Tensor Ne(double s) => Bin(s, Binary.Ne);
    public Tensor Lt(double s) => Bin(s, Binary.Lt);
    public Tensor Le(double s) => Bin(s, Binary.Le);
    public Tensor Gt(double s) => Bin(s, Binary.Gt);
    public Tensor Ge(double s) => Bin(s, Binary.Ge);
    public Tensor LogicalAnd(Tensor other) => Bin(other, Binary.LogicalAnd);
    public Tensor LogicalOr(Tensor other) => Bin(other, Binary.LogicalOr);

    /// <summary>Clamps into [min, max]; a null bound is open.</summary>
    public Tensor Clamp(double? min = null, double? max = null)
        => Checked(TorchNative.rt_tensor_clamp(Handle, min ?? 0, min.HasValue ? 1 : 0, max ?? 0, max.HasValue ? 1 : 0, out var h), h);

    /// <summary>condition ? a : b, elementwise with broadcasting.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b)
        => Checked(TorchNative.rt_tensor_where(condition.Handle, a.Handle, b.Handle, out var h), h);

    /// <summary>This with value where mask is true.</summary>
    public Tensor MaskedFill(Tensor mask, double value) => Checked(TorchNative.rt_tensor_masked_fill(Handle, mask.Handle, value, out var h), h);

    //---------------------------------- reductions ------------------------------------------------

    /// <summary>Sum over all elements (a scalar tensor).</summary>
    public Tensor Sum() => Red(Reduce.Sum, default, false);
    /// <summary>Sum over dims.</summary>
    public Tensor Sum(long dim, bool keepDim = false) => Red(Reduce.Sum, [dim], keepDim);
    public Tensor Sum(long[] dims, bool keepDim = false) => Red(Reduce.Sum, dims, keepDim);
    public Tensor Mean() => Red(Reduce.Mean, default, false);
    public Tensor Mean(long dim, bool keepDim = false) => Red(Reduce.Mean, [dim], keepDim);
    public Tensor Mean(long[] dims, bool keepDim = false) => Red(Reduce.Mean, dims, keepDim);
    /// <summary>Largest value (amax) overall or along dim.</summary>
    public Tensor Max() => Red(Reduce.AMax, default, false);
    public Tensor Max(long dim, bool keepDim = false) => Red(Reduce.AMax, [dim], keepDim);
    public Tensor Min() => Red(Reduce.AMin, default, false);
    public Tensor Min(long dim, bool keepDim = false) => Red(Reduce.AMin, [dim], keepDim);
    public Tensor Prod() => Red(Reduce.Prod, default, false);
    public Tensor Prod(long dim, bool keepDim = false) => Red(Reduce.Prod, [dim], keepDim);
    /// <summary>Unbiased variance / standard deviation.</summary>
    public Tensor Var(long dim, bool keepDim = false) => Red(Reduce.Var, [dim], keepDim);
    public Tensor Std(long dim, bool keepDim = false) => Red(Reduce.Std, [dim], keepDim);
    public Tensor Var() => Red(Reduce.Var, default, false);
    public Tensor Std() => Red(Reduce.Std, default, false);
    public Tensor LogSumExp(long dim, bool keepDim = false) => Red(Reduce.LogSumExp, [dim], keepDim);
    /// <summary>Euclidean norm overall or along dim.</summary>
    public Tensor Norm() => Red(Reduce.Norm2, default, false);
    public Tensor Norm(long dim, bool keepDim = false) => Red(Reduce.Norm2, [dim], keepDim);
    public Tensor All() => Red(Reduce.All, default, false);
    public Tensor Any() => Red(Reduce.Any, default, false);
    public Tensor All(long dim, bool keepDim = false) => Red(Reduce.All, [dim], keepDim);
    public Tensor Any(long dim, bool keepDim = false) => Red(Reduce.Any, [dim], keepDim);

    public Tensor ArgMax(long dim, bool keepDim = false) => Checked(TorchNative.rt_tensor_argmax(Handle, dim, keepDim ? 1 : 0, 1, out var h), h);
    public Tensor ArgMin(long dim, bool keepDim = false) => Checked(TorchNative.rt_tensor_argmax(Handle, dim, keepDim ? 1 : 0, 0, out var h), h);
    public Tensor CumSum(long dim) => Checked(TorchNative.rt_tensor_cumsum(Handle, dim, out var h), h);

    /// <summary>The k largest (or smallest) entries along dim, sorted, with their int64 indices.</summary>
    public (Tensor Values, Tensor Indices) TopK(long k, long dim = -1, bool largest = true)
    {
        TorchNative.Check(TorchNative.rt_tensor_topk(Handle, k, dim, largest ? 1 : 0, out var v, out var i));
        return (new Tensor(v), new Tensor(i));
    }

    //---------------------------------- linear algebra --------------------------------------------

    /// <summary>Matrix product with torch.matmul broadcasting.</summary>
    public Tensor MatMul(Tensor other) => Checked(TorchNative.rt_tensor_matmul(Handle, other.Handle, out var h), h);

    /// <summary>Batched matrix product (B×n×m)·(B×m×p).</summary>
    public Tensor Bmm(Tensor other) => Checked(TorchNative.rt_tensor_bmm(Handle, other.Handle, out var h), h);

    //---------------------------------- shapes ----------------------------------------------------

    /// <summary>Same elements in a new shape (-1 infers one size); a view when possible.</summary>
    public unsafe Tensor Reshape(params long[] shape)
    {
        fixed (long* s = shape)
            return Checked(TorchNative.rt_tensor_reshape(Handle, s, shape.Length, out var h), h);
    }

    /// <summary>Alias of <see cref="Reshape"/>.</summary>
    public Tensor View(params long[] shape) => Reshape(shape);

    public unsafe Tensor Permute(params long[] dims)
    {
        fixed (long* s = dims)
            return Checked(TorchNative.rt_tensor_permute(Handle, s, dims.Length, out var h), h);
    }

    /// <summary>Broadcast view to shape (-1 keeps a size).</summary>
    public unsafe Tensor Expand(params long[] shape)
    {
        fixed (long* s = shape)
            return Checked(TorchNative.rt_tensor_expand(Handle, s, shape.Length, out var h), h);
    }

    public Tensor Transpose(long dim0, long dim1) => Checked(TorchNative.rt_tensor_transpose(Handle, dim0, dim1, out var h), h);
    public Tensor Squeeze(long dim) => Checked(TorchNative.rt_tensor_squeeze(Handle, dim, out var h), h);
    public Tensor Unsqueeze(long dim) => Checked(TorchNative.rt_tensor_unsqueeze(Handle, dim, out var h), h);
    public Tensor Flatten(long startDim = 0, long endDim = -1) => Checked(TorchNative.rt_tensor_flatten(Handle, startDim, endDim, out var h), h);

    /// <summary>this[..., start:end:step, ...] along dim (a view).</summary>
    public Tensor Slice(long dim, long start, long end, long step = 1) => Checked(TorchNative.rt_tensor_slice(Handle, dim, start, end, step, out var h), h);

    /// <summary>this.select(dim, index): the sub-tensor at index, dim removed.</summary>
    public Tensor Select(long dim, long index) => Checked(TorchNative.rt_tensor_select(Handle, dim, index, out var h), h);

    /// <summary>Lower / upper triangle with diagonal offset.</summary>
    public Tensor Tril(long diagonal = 0) => Checked(TorchNative.rt_tensor_tril(Handle, diagonal, 0, out var h), h);
    public Tensor Triu(long diagonal = 0) => Checked(TorchNative.rt_tensor_tril(Handle, diagonal, 1, out var h), h);

    /// <summary>Concatenates along an existing dim.</summary>
    public static unsafe Tensor Cat(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var hs = Handles(tensors);
        fixed (nint* p = hs)
        {
            var r = Checked(TorchNative.rt_tensor_cat(p, hs.Length, dim, out var h), h);
            GC.KeepAlive(tensors);
            return r;
        }
    }

    /// <summary>Stacks along a new dim.</summary>
    public static unsafe Tensor Stack(IReadOnlyList<Tensor> tensors, long dim = 0)
    {
        var hs = Handles(tensors);
        fixed (nint* p = hs)
        {
            var r = Checked(TorchNative.rt_tensor_stack(p, hs.Length, dim, out var h), h);
            GC.KeepAlive(tensors);
            return r;
        }
    }

    //---------------------------------- indexing --------------------------------------------------

    public Tensor IndexSelect(long dim, Tensor index) => Checked(TorchNative.rt_tensor_index_select(Handle, dim, index.Handle, out var h), h);
    public Tensor Gather(long dim, Tensor index) => Checked(TorchNative.rt_tensor_gather(Handle, dim, index.Handle, out var h), h);
    public Tensor Scatter(long dim, Tensor index, Tensor src) => Checked(TorchNative.rt_tensor_scatter(Handle, dim, index.Handle, src.Handle, 0, out var h), h);
    public Tensor ScatterAdd(long dim, Tensor index, Tensor src) => Checked(TorchNative.rt_tensor_scatter(Handle, dim, index.Handle, src.Handle, 1, out var h), h);
    public Tensor MaskedSelect(Tensor mask) => Checked(TorchNative.rt_tensor_masked_select(Handle, mask.Handle, out var h), h);
}
