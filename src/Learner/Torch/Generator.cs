using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>A seeded random-number generator (libtorch's, per device) that random ops can draw from.</summary>
public sealed class Generator : IDisposable
{
    internal readonly GeneratorHandle Handle;

    /// <summary>New generator seeded with seed on device (CPU by default).</summary>
    public Generator(ulong seed, Device? device = null)
    {
        var d = device ?? Device.Cpu;
        TorchNative.Check(TorchNative.rt_generator_new(seed, (int)d.Type, d.Index, out Handle));
        Device = d;
    }

    /// <summary>The device whose random streams this generator drives.</summary>
    public Device Device { get; }

    /// <summary>Reseeds.</summary>
    public void ManualSeed(ulong seed) => TorchNative.Check(TorchNative.rt_generator_seed_set(Handle, seed));

    /// <summary>The full generator state as bytes (for checkpoints).</summary>
    public byte[] GetState()
    {
        TorchNative.Check(TorchNative.rt_generator_state_get(Handle, out var h));
        using var t = new Tensor(h, track: false);
        return t.ToBytes();
    }

    /// <summary>Restores a state from <see cref="GetState"/>.</summary>
    public void SetState(byte[] state)
    {
        using var t = Tensor.FromBytes(state, [state.Length], DType.UInt8, track: false);
        TorchNative.Check(TorchNative.rt_generator_state_set(Handle, t.Handle));
    }

    internal static GeneratorHandle HandleOf(Generator? g) => g?.Handle ?? GeneratorHandle.Null;

    public void Dispose() => Handle.Dispose();
}
