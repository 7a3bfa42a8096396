namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>Multi-head causal self-attention: (B × T × C) → (B × T × C); `qkv` (3C × C) and `proj` (C × C).</summary>
    public sealed class CausalSelfAttention : Module<Tensor, Tensor>
    {
        private readonly long _heads;

        public CausalSelfAttention(long dModel, long heads, Device? device = null, Generator? generator = null)
        {
            if (heads <= 0 || dModel % heads != 0) throw new ArgumentException($"dModel ({dModel}) must be a multiple of heads ({heads})");
            _heads = heads;
            Qkv = Register("qkv", new Linear(dModel, 3 * dModel, true, device, generator));
            Proj = Register("proj", new Linear(dModel, dModel, true, device, generator));
        }

        public Linear Qkv { get; }
        public Linear Proj { get; }

        public override Tensor Forward(Tensor input)
        {
            var shape = input.Shape;
            long b = shape[0], t = shape[1], c = shape[2], d = c / _heads;
            using var scope = TensorScope.Open();
            var qkv = Qkv.Forward(input).Reshape(b, t, 3, _heads, d).Permute(2, 0, 3, 1, 4);
            var y = Functional.ScaledDotProductAttention(qkv.Select(0, 0), qkv.Select(0, 1), qkv.Select(0, 2), causal: true);
            return Proj.Forward(y.Transpose(1, 2).Reshape(b, t, c)).MoveToOuter();
        }
    }
}
