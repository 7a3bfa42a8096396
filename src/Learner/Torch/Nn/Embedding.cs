namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>A lookup table: int64 indices (…) → rows (… × dim) of `weight` (num × dim), initialised N(0, 1).</summary>
    public sealed class Embedding : Module<Tensor, Tensor>
    {
        public Embedding(long numEmbeddings, long embeddingDim, Device? device = null, Generator? generator = null)
        {
            Weight = RegisterParameter("weight", Torch.Randn([numEmbeddings, embeddingDim], DType.Float32, device, generator));
        }

        public Tensor Weight { get; }

        public override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight);
    }
}
