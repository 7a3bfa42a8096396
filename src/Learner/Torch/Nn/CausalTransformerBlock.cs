namespace RiptOrleans.Learner.Torch;

public static partial class Nn
{
    /// <summary>
    /// One pre-LN causal transformer block: x + attn(ln1(x)), then + mlp(ln2(·)) with a GELU MLP of
    /// mlpRatio × width. (B × T × C) → (B × T × C); keys ln1, attn.qkv, attn.proj, ln2, mlp.fc1, mlp.fc2.
    /// </summary>
    public sealed class CausalTransformerBlock : Module<Tensor, Tensor>
    {
        public CausalTransformerBlock(long dModel, long heads, long mlpRatio = 4, Device? device = null, Generator? generator = null)
        {
            Ln1 = Register("ln1", new LayerNorm(dModel, 1e-5, device));
            Attn = Register("attn", new CausalSelfAttention(dModel, heads, device, generator));
            Ln2 = Register("ln2", new LayerNorm(dModel, 1e-5, device));
            Mlp = Register("mlp", new Mlp(dModel, mlpRatio * dModel, dModel, null, device, generator));
        }

        public LayerNorm Ln1 { get; }
        public CausalSelfAttention Attn { get; }
        public LayerNorm Ln2 { get; }
        public Mlp Mlp { get; }

        public override Tensor Forward(Tensor input)
        {
            using var scope = TensorScope.Open();
            var h = input + Attn.Forward(Ln1.Forward(input));
            return (h + Mlp.Forward(Ln2.Forward(h))).MoveToOuter();
        }
    }
}
