namespace RiptOrleans.Learner.Torch;

/// <summary>
/// One dispose scope: every tensor created on this thread while it is the innermost open scope is
/// disposed with it, unless moved out (<see cref="Tensor.MoveToOuter"/>) or detached. Thread-bound
/// ([ThreadStatic], as TorchSharp's): never await inside one.
/// </summary>
public sealed class TensorScope : IDisposable
{
    [ThreadStatic] private static TensorScope? _current;

    private readonly List<Tensor> _tensors = new();
    private readonly int _threadId;
    private bool _disposed;

    private TensorScope(TensorScope? outer)
    {
        Outer = outer;
        _threadId = Environment.CurrentManagedThreadId;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static TensorScope? Current => _current;

    /// <summary>The scope that was current when this one opened.</summary>
    public TensorScope? Outer { get; }

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => _tensors.Count(t => ReferenceEquals(t.OwnerScope, this));

    /// <summary>Opens a scope nested in the current one.</summary>
    public static TensorScope Open()
    {
        var s = new TensorScope(_current);
        _current = s;
        return s;
    }

    internal static void Track(Tensor t)
    {
        var s = _current;
        if (s is null) return;
        t.OwnerScope = s;
        s._tensors.Add(t);
    }

    internal void Adopt(Tensor t)
    {
        t.OwnerScope = this;
        _tensors.Add(t);
    }

    /// <summary>Disposes every tensor still owned by this scope and makes the outer scope current.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        if (Environment.CurrentManagedThreadId != _threadId)
            throw new InvalidOperationException("a TensorScope must be disposed on the thread that opened it (no await inside a scope)");
        if (!ReferenceEquals(_current, this))
            throw new InvalidOperationException("TensorScopes must be disposed innermost first");
        _disposed = true;
        _current = Outer;
        foreach (var t in _tensors)
            if (ReferenceEquals(t.OwnerScope, this))
            {
                t.OwnerScope = null;
                t.Dispose();
            }
        _tensors.Clear();
    }
}
