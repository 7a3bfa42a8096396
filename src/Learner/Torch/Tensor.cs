using System.Runtime.InteropServices;
using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>
/// One libtorch tensor owned through a SafeHandle. Dispose it, or create it inside a
/// <see cref="TensorScope"/> that disposes it; operations return new tensors (PyTorch semantics).
/// </summary>
public sealed partial class Tensor : IDisposable
{
    internal readonly TensorHandle Handle;
    internal TensorScope? OwnerScope;

    internal Tensor(TensorHandle handle, bool track = true)
    {
        Handle = handle;
        if (track) TensorScope.Track(this);
    }

    internal static Tensor Checked(int status, TensorHandle handle)
    {
        TorchNative.Check(status);
        return new Tensor(handle);
    }

    /// <summary>Number of native tensor handles alive in the process.</summary>
    public static long LiveCount => TorchNative.rt_tensor_live_count();

    /// <summary>True after Dispose.</summary>
    public bool IsDisposed => Handle.IsClosed;

    /// <summary>Frees the native handle now (storage is freed when no other tensor shares it).</summary>
    public void Dispose() => Handle.Dispose();

    /// <summary>Moves this tensor from its scope to the enclosing one (or out of all scopes); returns this.</summary>
    public Tensor MoveToOuter()
    {
        var outer = OwnerScope?.Outer;
        OwnerScope = null;
        outer?.Adopt(this);
        return this;
    }

    /// <summary>Removes this tensor from every scope: its owner disposes it; returns this.</summary>
    public Tensor DetachFromScope()
    {
        OwnerScope = null;
        return this;
    }

    //---------------------------------- creation ----------------------------------------------------

    /// <summary>Copies data into a new CPU tensor of the given shape (default: 1-D).</summary>
    public static unsafe Tensor FromArray<T>(T[] data, params long[] shape) where T : unmanaged
        => FromSpan<T>(data, shape.Length == 0 ? [data.Length] : shape);

    /// <summary>Copies data into a new CPU tensor of the given shape.</summary>
    public static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> data, ReadOnlySpan<long> shape) where T : unmanaged
    {
        CheckCount(data.Length, shape);
        fixed (T* p = data)
        fixed (long* s = shape)
            return Checked(TorchNative.rt_tensor_from_blob(p, s, shape.Length, (int)DTypeExtensions.Of<T>(), out var h), h);
    }

    /// <summary>Copies data into a new CPU tensor of the given dtype (converted from T when they differ, e.g. float → BFloat16).</summary>
    public static Tensor FromArray<T>(T[] data, long[] shape, DType dtype) where T : unmanaged
    {
        var t = FromArray(data, shape);
        if (DTypeExtensions.Of<T>() == dtype) return t;
        using (t) return t.To(dtype);
    }

    /// <summary>A new CPU tensor from raw little-endian bytes (any dtype, bfloat16 included).</summary>
    public static Tensor FromBytes(ReadOnlySpan<byte> bytes, ReadOnlySpan<long> shape, DType dtype) => FromBytes(bytes, shape, dtype, track: true);

    internal static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, ReadOnlySpan<long> shape, DType dtype, bool track)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        if (n * dtype.ElementSize() != bytes.Length)
            throw new ArgumentException($"{bytes.Length} bytes do not hold shape [{string.Join(", ", shape.ToArray())}] of {dtype}");
        fixed (byte* p = bytes)
        fixed (long* s = shape)
        {
            TorchNative.Check(TorchNative.rt_tensor_from_blob(p, s, shape.Length, (int)dtype, out var h));
            return new Tensor(h, track);
        }
    }

    private static void CheckCount(int count, ReadOnlySpan<long> shape)
    {
        long n = 1;
        foreach (var d in shape) n *= d;
        if (n != count)
            throw new ArgumentException($"{count} elements do not fill shape [{string.Join(", ", shape.ToArray())}]");
    }

    //---------------------------------- copies out -------------------------------------------------

    /// <summary>The elements in row-major order as T[] (converted to T's dtype when they differ).</summary>
    public unsafe T[] ToArray<T>() where T : unmanaged
    {
        var want = DTypeExtensions.Of<T>();
        if (DType != want)
        {
            using var c = To(want);
            return c.ToArray<T>();
        }
        var result = new T[checked((int)NumEl)];
        fixed (T* p = result)
            TorchNative.Check(TorchNative.rt_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)));
        return result;
    }

    /// <summary>The raw little-endian bytes of the elements in row-major order.</summary>
    public unsafe byte[] ToBytes()
    {
        var result = new byte[checked((int)(NumEl * DType.ElementSize()))];
        fixed (byte* p = result)
            TorchNative.Check(TorchNative.rt_tensor_copy_to(Handle, p, result.Length));
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public double Item()
    {
        TorchNative.Check(TorchNative.rt_tensor_item(Handle, out var v));
        return v;
    }

    /// <summary>The value of a one-element tensor as T.</summary>
    public T Item<T>() where T : unmanaged => ToArray<T>() is [var x] ? x : throw new InvalidOperationException("Item needs a one-element tensor");

    //---------------------------------- metadata ---------------------------------------------------

    /// <summary>Sizes of every dimension.</summary>
    public unsafe long[] Shape
    {
        get
        {
            TorchNative.Check(TorchNative.rt_tensor_ndim(Handle, out var n));
            var s = new long[n];
            fixed (long* p = s)
                TorchNative.Check(TorchNative.rt_tensor_shape(Handle, p, n));
            return s;
        }
    }

    /// <summary>Rank.</summary>
    public int Dim
    {
        get
        {
            TorchNative.Check(TorchNative.rt_tensor_ndim(Handle, out var n));
            return n;
        }
    }

    /// <summary>Size of dimension dim (negative counts from the end).</summary>
    public long Size(int dim)
    {
        var s = Shape;
        return s[dim < 0 ? dim + s.Length : dim];
    }

    /// <summary>Element count.</summary>
    public long NumEl
    {
        get
        {
            TorchNative.Check(TorchNative.rt_tensor_numel(Handle, out var n));
            return n;
        }
    }

    /// <summary>Element type.</summary>
    public DType DType
    {
        get
        {
            TorchNative.Check(TorchNative.rt_tensor_dtype(Handle, out var d));
            return (DType)d;
        }
    }

    /// <summary>The device holding the data.</summary>
    public Device Device
    {
        get
        {
            TorchNative.Check(TorchNative.rt_tensor_device(Handle, out var type, out var index));
            return new Device((DeviceType)type, index);
        }
    }

    public override string ToString() => IsDisposed ? "Tensor(disposed)" : $"Tensor[{string.Join(", ", Shape)}] {DType} {Device}";

    //---------------------------------- conversions -----------------------------------------------

    /// <summary>A copy converted to dtype.</summary>
    public Tensor To(DType dtype)
    {
        var d = Device;
        return Checked(TorchNative.rt_tensor_to(Handle, (int)dtype, (int)d.Type, d.Index, out var h), h);
    }

    /// <summary>A copy on device.</summary>
    public Tensor To(Device device) => Checked(TorchNative.rt_tensor_to(Handle, (int)DType, (int)device.Type, device.Index, out var h), h);

    /// <summary>A copy converted to dtype on device.</summary>
    public Tensor To(DType dtype, Device device) => Checked(TorchNative.rt_tensor_to(Handle, (int)dtype, (int)device.Type, device.Index, out var h), h);

    /// <summary>A deep copy that stays in the autograd graph.</summary>
    public Tensor Clone() => Checked(TorchNative.rt_tensor_clone(Handle, out var h), h);

    /// <summary>The same data, cut from the autograd graph.</summary>
    public Tensor Detach() => Checked(TorchNative.rt_tensor_detach(Handle, out var h), h);

    /// <summary>A contiguous tensor with the same values.</summary>
    public Tensor Contiguous() => Checked(TorchNative.rt_tensor_contiguous(Handle, out var h), h);

    /// <summary>A second handle to this very tensor (same storage and autograd identity).</summary>
    public Tensor Alias() => Checked(TorchNative.rt_tensor_alias(Handle, out var h), h);

    //---------------------------------- in place -------------------------------------------------

    /// <summary>In place: this ← src (broadcast), not recorded by autograd; returns this.</summary>
    public Tensor CopyFrom(Tensor src)
    {
        TorchNative.Check(TorchNative.rt_tensor_copy_(Handle, src.Handle));
        return this;
    }

    /// <summary>In place: every element ← value, not recorded by autograd; returns this.</summary>
    public Tensor Fill(double value)
    {
        TorchNative.Check(TorchNative.rt_tensor_fill_(Handle, value));
        return this;
    }

    /// <summary>Replaces this tensor's data (storage, shape, device) by src's, keeping its identity (parameters moving device).</summary>
    public void SetData(Tensor src) => TorchNative.Check(TorchNative.rt_tensor_set_data(Handle, src.Handle));

    /// <summary>In place this += other (recorded by autograd unless grad is disabled); returns this.</summary>
    public Tensor AddInPlace(Tensor other) => InPlace(other, 0);
    public Tensor SubInPlace(Tensor other) => InPlace(other, 1);
    public Tensor MulInPlace(Tensor other) => InPlace(other, 2);
    public Tensor MulInPlace(double s) => InPlace(null, 2, s);
    public Tensor AddInPlace(double s) => InPlace(null, 0, s);

    private Tensor InPlace(Tensor? other, int op, double s = 0)
    {
        TorchNative.Check(TorchNative.rt_tensor_binary_(Handle, other?.Handle ?? TensorHandle.Null, s, op));
        return this;
    }

    //---------------------------------- autograd --------------------------------------------------

    /// <summary>Whether autograd records operations on this tensor (set on leaves).</summary>
    public bool RequiresGrad
    {
        get
        {
            TorchNative.Check(TorchNative.rt_autograd_requires_grad_get(Handle, out var r));
            return r != 0;
        }
        set => TorchNative.Check(TorchNative.rt_autograd_requires_grad_set(Handle, value ? 1 : 0));
    }

    /// <summary>Sets requires_grad and returns this (fluent form).</summary>
    public Tensor RequiresGrad_(bool value = true)
    {
        RequiresGrad = value;
        return this;
    }

    /// <summary>Backpropagates from this (one-element) tensor, accumulating into leaves' <see cref="Grad"/>.</summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false)
        => TorchNative.Check(TorchNative.rt_autograd_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retainGraph ? 1 : 0));

    /// <summary>The accumulated gradient (a new handle to it, owned by the caller or scope), or null.</summary>
    public Tensor? Grad
    {
        get
        {
            TorchNative.Check(TorchNative.rt_autograd_grad(Handle, out var h));
            if (h.IsInvalid)
            {
                h.Dispose();
                return null;
            }
            return new Tensor(h);
        }
    }

    /// <summary>Drops the gradient (grad = None).</summary>
    public void ClearGrad() => TorchNative.Check(TorchNative.rt_autograd_grad_clear(Handle));

    //---------------------------------- helpers -------------------------------------------------

    internal static nint[] Handles(IReadOnlyList<Tensor> tensors)
    {
        var r = new nint[tensors.Count];
        for (var i = 0; i < r.Length; i++)
        {
            if (tensors[i].IsDisposed) throw new ObjectDisposedException(nameof(Tensor), $"tensor {i} of the list is disposed");
            r[i] = tensors[i].Handle.DangerousGetHandle();
        }
        return r;
    }
}
