namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>One affine layer y = x Wᵀ + b: x (… × in) → (… × out); parameters `weight` (out × in), `bias` (out).</summary>
    public sealed class Linear : Module<Tensor, Tensor>
    {
        public Linear(long inFeatures, long outFeatures, bool bias = true, Device? device = null, Generator? generator = null)
        {
            InFeatures = inFeatures;
            OutFeatures = outFeatures;
            Weight = RegisterParameter("weight", UniformFanIn([outFeatures, inFeatures], inFeatures, device, generator));
            if (bias) Bias = RegisterParameter("bias", UniformFanIn([outFeatures], inFeatures, device, generator));
        }

        public long InFeatures { get; }
        public long OutFeatures { get; }
        public Tensor Weight { get; }
        public Tensor? Bias { get; }

        public override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);
    }
}
