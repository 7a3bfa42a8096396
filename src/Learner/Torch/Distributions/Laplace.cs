namespace RiptOrleans.Learner.Torch;

public static partial class Distributions
{
    /// <summary>One batch of Laplace distributions (loc μ, scale b), elementwise over broadcast loc and scale.</summary>
    public sealed class Laplace
    {
        public Laplace(Tensor loc, Tensor scale)
        {
            Loc = loc;
            Scale = scale;
        }

        public Tensor Loc { get; }
        public Tensor Scale { get; }

        /// <summary>μ − b·sign(u)·log(1 − 2|u|) with u ~ U(−½, ½) (inverse CDF, differentiable in μ and b).</summary>
        public Tensor Sample(Generator? generator = null)
        {
            using var scope = TensorScope.Open();
            var shapeRef = Loc + Scale * 0.0;
            // open interval: keep u away from ±½ where log(0) would appear
            var tiny = shapeRef.DType == DType.Float64 ? 1e-12 : 1e-6;
            var u = Torch.Uniform(shapeRef.Shape, -0.5 + tiny, 0.5, shapeRef.DType, shapeRef.Device, generator);
            var draw = Loc - Scale * u.Sign() * (u.Abs() * -2.0).Log1p();
            return draw.MoveToOuter();
        }

        /// <summary>log p(x) = −log(2b) − |x − μ| / b.</summary>
        public Tensor LogProb(Tensor value)
        {
            using var scope = TensorScope.Open();
            return (-(Scale * 2.0).Log() - (value - Loc).Abs() / Scale).MoveToOuter();
        }

        /// <summary>1 + log(2b).</summary>
        public Tensor Entropy()
        {
            using var scope = TensorScope.Open();
            return ((Scale * 2.0).Log() + 1.0).MoveToOuter();
        }
    }
}
