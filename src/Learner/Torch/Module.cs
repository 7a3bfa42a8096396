namespace RiptOrleans.Learner.Torch;

/// <summary>
/// One neural-network module: parameters, buffers and submodules registered by explicit name, so
/// that state-dict keys read as PyTorch's (`blocks.0.attn.qkv.weight`). Owns its tensors.
/// </summary>
public abstract class Module : IDisposable
{
    private readonly List<(string Name, Tensor Tensor)> _parameters = new();
    private readonly List<(string Name, Tensor Tensor)> _buffers = new();
    private readonly List<(string Name, Module Module)> _modules = new();
    private bool _disposed;

    /// <summary>True in training mode (dropout active), false after <see cref="Eval"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Registers a submodule under name; returns it.</summary>
    protected T Register<T>(string name, T module) where T : Module
    {
        CheckName(name);
        _modules.Add((name, module));
        return module;
    }

    /// <summary>Registers a trainable parameter (requires_grad, out of every scope) under name; returns it.</summary>
    protected Tensor RegisterParameter(string name, Tensor tensor)
    {
        CheckName(name);
        tensor.DetachFromScope();
        tensor.RequiresGrad = true;
        _parameters.Add((name, tensor));
        return tensor;
    }

    /// <summary>Registers a non-trainable buffer saved in the state dict under name; returns it.</summary>
    protected Tensor RegisterBuffer(string name, Tensor tensor)
    {
        CheckName(name);
        tensor.DetachFromScope();
        _buffers.Add((name, tensor));
        return tensor;
    }

    private void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"module member name must be non-empty without '.', got '{name}'", nameof(name));
        if (_parameters.Any(p => p.Name == name) || _buffers.Any(b => b.Name == name) || _modules.Any(m => m.Name == name))
            throw new ArgumentException($"'{name}' is already registered in {GetType().Name}", nameof(name));
    }

    /// <summary>Every parameter, depth first in registration order.</summary>
    public IEnumerable<Tensor> Parameters() => NamedParameters().Select(p => p.Tensor);

    /// <summary>Every parameter with its dotted state-dict name.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedParameters(string prefix = "")
    {
        foreach (var (n, t) in _parameters) yield return (prefix + n, t);
        foreach (var (n, m) in _modules)
            foreach (var p in m.NamedParameters(prefix + n + "."))
                yield return p;
    }

    /// <summary>Every buffer with its dotted state-dict name.</summary>
    public IEnumerable<(string Name, Tensor Tensor)> NamedBuffers(string prefix = "")
    {
        foreach (var (n, t) in _buffers) yield return (prefix + n, t);
        foreach (var (n, m) in _modules)
            foreach (var b in m.NamedBuffers(prefix + n + "."))
                yield return b;
    }

    /// <summary>Direct submodules with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => _modules;

    /// <summary>Parameters and buffers by state-dict key, in PyTorch's order (own parameters, own buffers, then children).</summary>
    public IReadOnlyList<KeyValuePair<string, Tensor>> StateDict()
    {
        var list = new List<KeyValuePair<string, Tensor>>();
        Collect(this, "", list);
        return list;

        static void Collect(Module m, string prefix, List<KeyValuePair<string, Tensor>> into)
        {
            foreach (var (n, t) in m._parameters) into.Add(new(prefix + n, t));
            foreach (var (n, t) in m._buffers) into.Add(new(prefix + n, t));
            foreach (var (n, c) in m._modules) Collect(c, prefix + n + ".", into);
        }
    }

    /// <summary>Total element count of the parameters.</summary>
    public long ParameterCount() => Parameters().Sum(p => p.NumEl);

    /// <summary>Training mode on (default) or off, recursively; returns this.</summary>
    public Module Train(bool on = true)
    {
        IsTraining = on;
        foreach (var (_, m) in _modules) m.Train(on);
        return this;
    }

    /// <summary>Evaluation mode (training off), recursively; returns this.</summary>
    public Module Eval() => Train(false);

    /// <summary>Moves every parameter and buffer to device in place (they keep their identity); returns this.</summary>
    public Module To(Device device)
    {
        foreach (var (_, t) in StateDict())
        {
            using var moved = t.Detach().DetachFromScope();
            using var copy = moved.To(device).DetachFromScope();
            t.SetData(copy);
        }
        return this;
    }

    /// <summary>Clears every parameter's gradient.</summary>
    public void ZeroGrad()
    {
        foreach (var p in Parameters()) p.ClearGrad();
    }

    //---------------------------------- state dict as safetensors -----------------------------------

    /// <summary>The state dict as safetensors bytes (DESIGN §5), with optional string metadata.</summary>
    public byte[] StateDictToBytes(IReadOnlyDictionary<string, string>? metadata = null) => SafeTensors.Serialize(StateDict(), metadata);

    /// <summary>Writes the state dict to path as safetensors (temp file + rename).</summary>
    public void SaveStateDict(string path, IReadOnlyDictionary<string, string>? metadata = null) => SafeTensors.Save(path, StateDict(), metadata);

    /// <summary>Loads a safetensors file into the parameters and buffers in place; returns its metadata.</summary>
    public IReadOnlyDictionary<string, string> LoadStateDict(string path)
    {
        try
        {
            return LoadStateDictFromBytes(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Loads safetensors bytes into the parameters and buffers in place; missing or unexpected keys and shape or dtype mismatches throw naming the key.</summary>
    public IReadOnlyDictionary<string, string> LoadStateDictFromBytes(ReadOnlySpan<byte> bytes)
    {
        using var scope = TensorScope.Open();
        var file = SafeTensors.Deserialize(bytes);
        var mine = StateDict();
        var missing = mine.Select(kv => kv.Key).Where(k => !file.Tensors.ContainsKey(k)).ToList();
        var known = mine.Select(kv => kv.Key).ToHashSet();
        var unexpected = file.Tensors.Keys.Where(k => !known.Contains(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new InvalidDataException($"state dict does not match {GetType().Name}: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", unexpected)}]");
        foreach (var (key, target) in mine)
        {
            var src = file.Tensors[key];
            var want = target.Shape;
            var got = src.Shape;
            if (!want.SequenceEqual(got))
                throw new InvalidDataException($"state dict key '{key}': shape [{string.Join(", ", got)}] in the file, [{string.Join(", ", want)}] in the model");
            if (src.DType != target.DType)
                throw new InvalidDataException($"state dict key '{key}': dtype {src.DType} in the file, {target.DType} in the model");
        }
        foreach (var (key, target) in mine)
            target.CopyFrom(file.Tensors[key]);
        return file.Metadata;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var (_, m) in _modules) m.Dispose();
        foreach (var (_, t) in _parameters) t.Dispose();
        foreach (var (_, t) in _buffers) t.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>A module with one forward function from TIn to TOut.</summary>
public abstract class Module<TIn, TOut> : Module
{
    /// <summary>Computes the module's output.</summary>
    public abstract TOut Forward(TIn input);
}
