using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Benchmarks;

/// <summary>Size of the reference causal transformer of `ript bench learner`.</summary>
public sealed record TransformerShape(long Vocab, long DModel, long Layers, long Heads, long SeqLen, long Batch)
{
    /// <summary>The bench model: ~4.9M parameters, batch 64 × 32 tokens.</summary>
    public static TransformerShape Reference { get; } = new(256, 256, 6, 4, 32, 64);

    /// <summary>A tiny model whose steps take about a millisecond (leak measurement).</summary>
    public static TransformerShape Tiny { get; } = new(64, 32, 2, 2, 16, 8);
}

/// <summary>
/// One reference causal transformer through the C# API: token embedding + learned positions, pre-LN
/// blocks, final LayerNorm, linear head. Mirrors the C++ model in native/torch/src/rt_bench.cpp.
/// </summary>
public sealed class ReferenceTransformer : Module<Tensor, Tensor>
{
    public ReferenceTransformer(TransformerShape shape, Device? device = null, Generator? generator = null)
    {
        Shape = shape;
        Tok = Register("tok", new Nn.Embedding(shape.Vocab, shape.DModel, device, generator));
        Pos = RegisterParameter("pos", Torch.Torch.Normal([shape.SeqLen, shape.DModel], 0, 0.02, DType.Float32, device, generator));
        Blocks = Register("blocks", new Nn.Sequential());
        for (var i = 0; i < shape.Layers; i++)
            Blocks.Add(new Nn.CausalTransformerBlock(shape.DModel, shape.Heads, 4, device, generator));
        LnF = Register("ln_f", new Nn.LayerNorm(shape.DModel, 1e-5, device));
        Head = Register("head", new Nn.Linear(shape.DModel, shape.Vocab, true, device, generator));
    }

    public TransformerShape Shape { get; }
    public Nn.Embedding Tok { get; }
    public Tensor Pos { get; }
    public Nn.Sequential Blocks { get; }
    public Nn.LayerNorm LnF { get; }
    public Nn.Linear Head { get; }

    /// <summary>int64 tokens (B × T) → logits (B × T × vocab).</summary>
    public override Tensor Forward(Tensor input)
    {
        using var scope = TensorScope.Open();
        var t = input.Size(1);
        var x = Tok.Forward(input) + Pos.Slice(0, 0, t);
        return Head.Forward(LnF.Forward(Blocks.Forward(x))).MoveToOuter();
    }

    /// <summary>Next-token cross entropy of tokens (B × (T+1)); returns the loss (scalar).</summary>
    public Tensor Loss(Tensor tokens)
    {
        using var scope = TensorScope.Open();
        var t = Shape.SeqLen;
        var logits = Forward(tokens.Slice(1, 0, t));
        return Functional.CrossEntropy(logits.Reshape(-1, Shape.Vocab), tokens.Slice(1, 1, t + 1).Reshape(-1)).MoveToOuter();
    }

    /// <summary>One AdamW training step on tokens (zero-grad as libtorch 1.13's zero_grad(), backward, step).</summary>
    public void TrainStep(Tensor tokens, Optim.AdamW optimizer)
    {
        using var scope = TensorScope.Open();
        var loss = Loss(tokens);
        optimizer.ZeroGrad(setToNone: false);
        loss.Backward();
        optimizer.Step();
    }
}
