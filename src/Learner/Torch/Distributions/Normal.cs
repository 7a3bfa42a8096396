namespace RiptOrleans.Learner.Torch;

public static partial class Distributions
{
    /// <summary>One batch of normal distributions N(loc, scale²), elementwise over broadcast loc and scale.</summary>
    public sealed class Normal
    {
        private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

        public Normal(Tensor loc, Tensor scale)
        {
            Loc = loc;
            Scale = scale;
        }

        public Tensor Loc { get; }
        public Tensor Scale { get; }

        /// <summary>loc + scale · ε with ε ~ N(0, 1) (reparameterised, differentiable in loc and scale).</summary>
        public Tensor Sample(Generator? generator = null)
        {
            using var scope = TensorScope.Open();
            var shapeRef = Loc + Scale * 0.0;
            var eps = Torch.Normal(shapeRef.Shape, 0, 1, shapeRef.DType, shapeRef.Device, generator);
            return (Loc + Scale * eps).MoveToOuter();
        }

        /// <summary>log N(value; loc, scale) = −(x−μ)²/(2σ²) − log σ − ½ log 2π.</summary>
        public Tensor LogProb(Tensor value)
        {
            using var scope = TensorScope.Open();
            var z = (value - Loc) / Scale;
            return (z.Square() * -0.5 - Scale.Log() - HalfLog2Pi).MoveToOuter();
        }

        /// <summary>½ + ½ log 2π + log σ.</summary>
        public Tensor Entropy()
        {
            using var scope = TensorScope.Open();
            return (Scale.Log() + (0.5 + HalfLog2Pi)).MoveToOuter();
        }
    }
}
