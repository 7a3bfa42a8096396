using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>libtorch's thread-local gradient-recording mode.</summary>
public static class Grad
{
    /// <summary>True when this thread records gradients.</summary>
    public static bool IsEnabled => TorchNative.rt_autograd_grad_mode_get() != 0;

    /// <summary>Turns recording off on this thread until the returned value is disposed (`using var _ = Grad.Disabled();`).</summary>
    public static GradMode Disabled() => GradMode.Set(false);

    /// <summary>Turns recording on on this thread until the returned value is disposed.</summary>
    public static GradMode Enabled() => GradMode.Set(true);
}

/// <summary>One change of the thread's grad mode; disposing restores the previous mode.</summary>
public readonly struct GradMode : IDisposable
{
    private readonly bool _previous;
    private readonly bool _active;

    private GradMode(bool previous)
    {
        _previous = previous;
        _active = true;
    }

    internal static GradMode Set(bool enabled)
    {
        TorchNative.Check(TorchNative.rt_autograd_grad_mode_set(enabled ? 1 : 0, out var prev));
        return new GradMode(prev != 0);
    }

    public void Dispose()
    {
        if (_active)
            TorchNative.Check(TorchNative.rt_autograd_grad_mode_set(_previous ? 1 : 0, out _));
    }
}
