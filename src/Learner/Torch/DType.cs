namespace RiptOrleans.Learner.Torch;

/// <summary>Element type of a tensor; values are the shim's RT_* dtype codes.</summary>
public enum DType
{
    Float32 = 0,
    Float64 = 1,
    BFloat16 = 2,
    Float16 = 3,
    Int64 = 4,
    Int32 = 5,
    UInt8 = 6,
    Bool = 7,
}

/// <summary>Sizes and managed counterparts of <see cref="DType"/> values.</summary>
public static class DTypeExtensions
{
    /// <summary>Bytes per element.</summary>
    public static int ElementSize(this DType dtype) => dtype switch
    {
        DType.Float32 or DType.Int32 => 4,
        DType.Float64 or DType.Int64 => 8,
        DType.BFloat16 or DType.Float16 => 2,
        DType.UInt8 or DType.Bool => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unknown dtype"),
    };

    /// <summary>True for float32/64, bfloat16 and float16.</summary>
    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64 or DType.BFloat16 or DType.Float16;

    /// <summary>The dtype whose elements a managed array of T holds.</summary>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(byte)) return DType.UInt8;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        if (typeof(T) == typeof(Half)) return DType.Float16;
        throw new NotSupportedException($"no tensor dtype for {typeof(T).Name} (bfloat16 data travels as bytes: Tensor.FromBytes/ToBytes)");
    }
}
