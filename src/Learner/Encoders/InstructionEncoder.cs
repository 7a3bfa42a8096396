using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One instruction encoder: learned word embeddings, mean-pooled and max-pooled over the non-padding words, then a
/// linear layer: ids (B × W) → (B × d). The max-pool keeps the one or two words that tell apart the tasks of one scene
/// ("front" / "back", "left" / "right") as strong as the rest of the sentence; a mean alone dilutes them by its length.
/// </summary>
public sealed class InstructionEncoder : Module<Tensor, Tensor>
{
    public InstructionEncoder(int vocabulary, int dModel, Generator? generator = null)
    {
        Embedding = Register("embedding", new Nn.Embedding(vocabulary, dModel, null, generator));
        using (Grad.Disabled()) Embedding.Weight.MulInPlace(0.1);
        Proj = Register("proj", new Nn.Linear(2 * dModel, dModel, true, null, generator));
    }

    public Nn.Embedding Embedding { get; }

    public Nn.Linear Proj { get; }

    public override Tensor Forward(Tensor ids)
    {
        using var scope = TensorScope.Open();
        var words = ids.Ne(WordTokenizer.PadId).Unsqueeze(-1);
        var mask = words.To(DType.Float32);
        var e = Embedding.Forward(ids);
        var mean = (e * mask).Sum(1) / mask.Sum(1).Clamp(1, null);
        var max = e.MaskedFill(words.LogicalNot(), -1e4).Max(1);
        return Proj.Forward(Tensor.Cat([mean, max], 1)).MoveToOuter();
    }
}
