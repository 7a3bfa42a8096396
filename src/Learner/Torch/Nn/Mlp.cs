namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>Two-layer perceptron fc1 → activation (GELU by default) → fc2: (… × in) → (… × out).</summary>
    public sealed class Mlp : Module<Tensor, Tensor>
    {
        private readonly Func<Tensor, Tensor> _activation;

        public Mlp(long inFeatures, long hiddenFeatures, long outFeatures, Func<Tensor, Tensor>? activation = null, Device? device = null, Generator? generator = null)
        {
            Fc1 = Register("fc1", new Linear(inFeatures, hiddenFeatures, true, device, generator));
            Fc2 = Register("fc2", new Linear(hiddenFeatures, outFeatures, true, device, generator));
            _activation = activation ?? (x => x.Gelu());
        }

        public Linear Fc1 { get; }
        public Linear Fc2 { get; }

        public override Tensor Forward(Tensor input)
        {
            using var h = Fc1.Forward(input);
            using var a = _activation(h);
            return Fc2.Forward(a);
        }
    }
}
