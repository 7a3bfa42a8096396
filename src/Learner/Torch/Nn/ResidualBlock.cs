namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>
    /// One pre-LN residual MLP block: x + fc2(dropout(gelu(fc1(ln(x))))) with a hidden width of mlpRatio × width,
    /// dropout only while training. (… × C) → (… × C); keys ln, mlp.fc1, mlp.fc2.
    /// </summary>
    public sealed class ResidualBlock : Module<Tensor, Tensor>
    {
        private readonly double _dropout;

        public ResidualBlock(long width, long mlpRatio = 2, double dropout = 0, Device? device = null, Generator? generator = null)
        {
            if (dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "dropout must be in [0, 1)");
            _dropout = dropout;
            Ln = Register("ln", new LayerNorm(width, 1e-5, device));
            Mlp = Register("mlp", new Mlp(width, mlpRatio * width, width, x => IsTraining && _dropout > 0 ? Functional.Dropout(x.Gelu(), _dropout, true) : x.Gelu(),
                device, generator));
        }

        public LayerNorm Ln { get; }
        public Mlp Mlp { get; }

        public override Tensor Forward(Tensor input)
        {
            using var scope = TensorScope.Open();
            return (input + Mlp.Forward(Ln.Forward(input))).MoveToOuter();
        }
    }
}
