using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>One instruction encoder: learned word embeddings mean-pooled over the non-padding words: ids (B × W) → (B × d).</summary>
public sealed class InstructionEncoder : Module<Tensor, Tensor>
{
    public InstructionEncoder(int vocabulary, int dModel, Generator? generator = null)
    {
        Embedding = Register("embedding", new Nn.Embedding(vocabulary, dModel, null, generator));
        using (Grad.Disabled()) Embedding.Weight.MulInPlace(0.1);
    }

    public Nn.Embedding Embedding { get; }

    public override Tensor Forward(Tensor ids)
    {
        using var scope = TensorScope.Open();
        var mask = ids.Ne(WordTokenizer.PadId).To(DType.Float32).Unsqueeze(-1);
        var e = Embedding.Forward(ids) * mask;
        return (e.Sum(1) / mask.Sum(1).Clamp(1, null)).MoveToOuter();
    }
}
