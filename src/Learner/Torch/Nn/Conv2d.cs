namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>2-D convolution: (N × in × H × W) → (N × out × H' × W'); `weight` (out × in × k × k), `bias` (out).</summary>
    public sealed class Conv2d : Module<Tensor, Tensor>
    {
        private readonly long _stride;
        private readonly long _padding;

        public Conv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0, bool bias = true, Device? device = null, Generator? generator = null)
        {
            _stride = stride;
            _padding = padding;
            var fanIn = inChannels * kernelSize * kernelSize;
            Weight = RegisterParameter("weight", UniformFanIn([outChannels, inChannels, kernelSize, kernelSize], fanIn, device, generator));
            if (bias) Bias = RegisterParameter("bias", UniformFanIn([outChannels], fanIn, device, generator));
        }

        public Tensor Weight { get; }
        public Tensor? Bias { get; }

        public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, (_stride, _stride), (_padding, _padding));
    }
}
