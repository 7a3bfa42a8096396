namespace RiptOrleans.Learner.Torch;

public static partial class Distributions
{
    /// <summary>
    /// One batch of categorical distributions over the last dim of logits (… × C), with temperature
    /// applied as logits / temperature. Its tensors live in the current scope (or until Dispose).
    /// </summary>
    public sealed class Categorical : IDisposable
    {
        public Categorical(Tensor logits, double temperature = 1.0)
        {
            if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "temperature must be > 0");
            Logits = temperature == 1.0 ? logits.Alias() : logits / temperature;
            LogProbs = Functional.LogSoftmax(Logits, -1);
        }

        /// <summary>Temperature-scaled logits (… × C).</summary>
        public Tensor Logits { get; }

        /// <summary>Normalised log-probabilities (… × C).</summary>
        public Tensor LogProbs { get; }

        /// <summary>Probabilities (… × C) (a new tensor).</summary>
        public Tensor Probs() => LogProbs.Exp();

        /// <summary>One int64 sample per distribution (…).</summary>
        public Tensor Sample(Generator? generator = null)
        {
            using var scope = TensorScope.Open();
            var shape = LogProbs.Shape;
            var c = shape[^1];
            var p = Functional.Softmax(Logits, -1).Reshape(-1, c);
            return Torch.Multinomial(p, 1, true, generator).Reshape(shape[..^1]).MoveToOuter();
        }

        /// <summary>One sample per distribution restricted to its k most likely categories (renormalised).</summary>
        public Tensor TopKSample(long k, Generator? generator = null)
        {
            using var scope = TensorScope.Open();
            var shape = LogProbs.Shape;
            var (values, indices) = Logits.TopK(k, -1);
            var p = Functional.Softmax(values, -1).Reshape(-1, k);
            var j = Torch.Multinomial(p, 1, true, generator);
            return indices.Reshape(-1, k).Gather(1, j).Reshape(shape[..^1]).MoveToOuter();
        }

        /// <summary>The most likely category (…), for greedy evaluation.</summary>
        public Tensor Mode() => Logits.ArgMax(-1);

        /// <summary>log p(value) for int64 values (…).</summary>
        public Tensor LogProb(Tensor value)
        {
            using var scope = TensorScope.Open();
            return LogProbs.Gather(-1, value.Unsqueeze(-1)).Squeeze(-1).MoveToOuter();
        }

        /// <summary>−Σ p log p over categories (…); zero-probability categories contribute 0.</summary>
        public Tensor Entropy()
        {
            using var scope = TensorScope.Open();
            var p = LogProbs.Exp();
            var plogp = Tensor.Where(p.Gt(0), p * LogProbs, Torch.Zeros([1], LogProbs.DType, LogProbs.Device));
            return (-plogp.Sum(-1)).MoveToOuter();
        }

        public void Dispose()
        {
            Logits.Dispose();
            LogProbs.Dispose();
        }
    }
}
