using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>Process-wide libtorch settings and tensor factories (torch.* in PyTorch).</summary>
public static class Torch
{
    /// <summary>True when a CUDA device is usable by this libtorch build.</summary>
    public static bool CudaIsAvailable() => TorchNative.rt_cuda_is_available() != 0;

    /// <summary>Number of CUDA devices (0 on CPU builds).</summary>
    public static int CudaDeviceCount() => TorchNative.rt_cuda_device_count();

    /// <summary>libtorch's intra-op thread count (process-wide).</summary>
    public static int Threads
    {
        get => TorchNative.rt_threads_get();
        set => TorchNative.Check(TorchNative.rt_threads_set(value), $"threads = {value}");
    }

    /// <summary>Seeds libtorch's default generators.</summary>
    public static void ManualSeed(ulong seed) => TorchNative.Check(TorchNative.rt_random_manual_seed(seed));

    public static Tensor Zeros(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 0, dtype, device);
    public static Tensor Ones(long[] shape, DType dtype = DType.Float32, Device? device = null) => Full(shape, 1, dtype, device);

    /// <summary>A tensor of shape filled with value.</summary>
    public static unsafe Tensor Full(long[] shape, double value, DType dtype = DType.Float32, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return Tensor.Checked(TorchNative.rt_tensor_full(s, shape.Length, value, (int)dtype, (int)d.Type, d.Index, out var h), h);
    }

    /// <summary>[start, start+step, ...) below end.</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Int64, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        return Tensor.Checked(TorchNative.rt_tensor_arange(start, end, step, (int)dtype, (int)d.Type, d.Index, out var h), h);
    }

    /// <summary>Standard normal samples (mean, std) of shape.</summary>
    public static unsafe Tensor Normal(long[] shape, double mean = 0, double std = 1, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return Tensor.Checked(TorchNative.rt_random_normal(s, shape.Length, mean, std, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator), out var h), h);
    }

    /// <summary>N(0, 1) samples of shape.</summary>
    public static Tensor Randn(long[] shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
        => Normal(shape, 0, 1, dtype, device, generator);

    /// <summary>Uniform [low, high) samples of shape.</summary>
    public static unsafe Tensor Uniform(long[] shape, double low = 0, double high = 1, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return Tensor.Checked(TorchNative.rt_random_uniform(s, shape.Length, low, high, (int)dtype, (int)d.Type, d.Index, Generator.HandleOf(generator), out var h), h);
    }

    /// <summary>Uniform [0, 1) samples of shape.</summary>
    public static Tensor Rand(long[] shape, DType dtype = DType.Float32, Device? device = null, Generator? generator = null)
        => Uniform(shape, 0, 1, dtype, device, generator);

    /// <summary>int64 integers uniform in [low, high).</summary>
    public static unsafe Tensor RandInt(long low, long high, long[] shape, Device? device = null, Generator? generator = null)
    {
        var d = device ?? Device.Cpu;
        fixed (long* s = shape)
            return Tensor.Checked(TorchNative.rt_random_randint(s, shape.Length, low, high, (int)d.Type, d.Index, Generator.HandleOf(generator), out var h), h);
    }

    /// <summary>numSamples category indices per row of non-negative weights probs (… × C) → int64 (… × numSamples).</summary>
    public static Tensor Multinomial(Tensor probs, long numSamples, bool replacement = false, Generator? generator = null)
        => Tensor.Checked(TorchNative.rt_random_multinomial(probs.Handle, numSamples, replacement ? 1 : 0, Generator.HandleOf(generator), out var h), h);

    /// <summary>Bernoulli draws with per-element probabilities p.</summary>
    public static Tensor Bernoulli(Tensor p, Generator? generator = null)
        => Tensor.Checked(TorchNative.rt_random_bernoulli(p.Handle, Generator.HandleOf(generator), out var h), h);
}
