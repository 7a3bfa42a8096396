namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>Layer normalisation over the trailing dims (normalizedShape), with `weight` (ones) and `bias` (zeros).</summary>
    public sealed class LayerNorm : Module<Tensor, Tensor>
    {
        private readonly long[] _shape;
        private readonly double _eps;

        public LayerNorm(long normalizedShape, double eps = 1e-5, Device? device = null) : this([normalizedShape], eps, device) { }

        public LayerNorm(long[] normalizedShape, double eps = 1e-5, Device? device = null)
        {
            _shape = normalizedShape;
            _eps = eps;
            Weight = RegisterParameter("weight", Torch.Ones(normalizedShape, DType.Float32, device));
            Bias = RegisterParameter("bias", Torch.Zeros(normalizedShape, DType.Float32, device));
        }

        public Tensor Weight { get; }
        public Tensor Bias { get; }

        public override Tensor Forward(Tensor input) => Functional.LayerNorm(input, _shape, Weight, Bias, _eps);
    }
}
