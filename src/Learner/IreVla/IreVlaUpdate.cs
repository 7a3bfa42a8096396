using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// The math of iRe-VLA (Guo et al. 2025, Algorithm 1), top to bottom: sparse rewards and GAE per rollout, stage 1 (PPO
/// on the action head and a value head, the backbone frozen), the online dataset of successes, and stage 2 (supervised
/// learning of the whole policy on expert demos ∪ online successes). No transport, no file I/O.
///
/// Why PPO with GAE in stage 1: the paper never names the RL algorithm of its simulated runs (its real-robot runs use
/// SACfD). It compares against "standard PPO", and its critic head has one output, a state-value function; PPO with a
/// learned V and GAE is the reading that fits (fact sheet §2.1), and it is on-policy like RIPT, so both consume the same
/// context-group rollouts. With a binary success reward, GAE through the critic gives per-decision credit where RIPT
/// gives one leave-one-out advantage per episode.
/// </summary>
public static class IreVlaUpdate
{
    // ---- 1. Rewards and GAE ----------------------------------------------------------------------------------------

    /// <summary>Binary sparse reward per decision (paper §III): 1 at the last decision of a successful rollout, else 0.</summary>
    public static double[] SparseRewards(int decisions, bool success)
    {
        var r = new double[decisions];
        if (success && decisions > 0) r[^1] = 1;
        return r;
    }

    /// <summary>
    /// GAE(γ, λ) over one rollout that ends at its last decision: δ_t = r_t + γ V(s_{t+1}) − V(s_t) with V after the end
    /// = 0, A_t = δ_t + γλ A_{t+1}; returns R_t = A_t + V(s_t) are the value head's targets. A rollout that hits the
    /// horizon ends too (the horizon is part of the task, a success after it does not count, so 0 is its true value).
    /// </summary>
    public static (double[] Advantages, double[] Returns) Gae(IReadOnlyList<double> rewards, IReadOnlyList<double> values, double gamma, double lambda)
    {
        var n = rewards.Count;
        if (values.Count != n) throw new ArgumentException($"{rewards.Count} rewards but {values.Count} values");
        var advantages = new double[n];
        var returns = new double[n];
        double next = 0, nextValue = 0;
        for (var t = n - 1; t >= 0; t--)
        {
            var delta = rewards[t] + gamma * nextValue - values[t];
            next = delta + gamma * lambda * next;
            advantages[t] = next;
            returns[t] = next + values[t];
            nextValue = values[t];
        }
        return (advantages, returns);
    }

    // ---- 2. Stage 1: PPO on the action head, backbone frozen -------------------------------------------------------

    /// <summary>A fresh value head on the policy's features (Algorithm 1, line 4), seeded for replay.</summary>
    public static ValueHead CreateValueHead(IFrozenBackbone policy, IreVlaOptions o, ulong seed)
    {
        using var g = new Generator(seed);
        return new ValueHead(policy.FeatureSize, o.CriticHidden, g);
    }

    /// <summary>One AdamW over the action head (HeadLr) and the value head (CriticLr), no weight decay (CleanRL's Adam).</summary>
    public static Optim.AdamW CreateRlOptimizer(IFrozenBackbone policy, ValueHead critic, IreVlaOptions o) =>
        new([new Optim.ParamGroup(policy.HeadParameters(), o.HeadLr, 0), new Optim.ParamGroup(critic.Parameters().ToList(), o.CriticLr, 0)]);

    /// <summary>Turns off gradients of every policy parameter outside the head until disposed: the backbone is frozen, not just left out of the optimiser.</summary>
    public sealed class FrozenBackbone : IDisposable
    {
        private readonly List<Tensor> _frozen;

        public FrozenBackbone(IPolicy policy)
        {
            var head = new HashSet<Tensor>(((IFrozenBackbone)policy).HeadParameters(), ReferenceEqualityComparer.Instance);
            _frozen = policy.Parameters().Where(p => !head.Contains(p) && p.RequiresGrad).ToList();
            foreach (var p in _frozen) p.RequiresGrad = false;
        }

        public void Dispose()
        {
            foreach (var p in _frozen) p.RequiresGrad = true;
        }
    }

    /// <summary>
    /// Stage 1 on one RL iteration's rollouts <paramref name="b"/> (every group, failures included): per-decision sparse
    /// rewards, old values and log-probs fixed before the first epoch, GAE, then PpoEpochs of shuffled minibatches of
    /// decisions with the clipped surrogate, the (clipped) value loss, one gradient-norm clip over head and critic, and a
    /// step. Returns <paramref name="metrics"/> with the loss/ values filled in.
    /// </summary>
    public static RiptMetricsLine ReinforceHead(IPolicy policy, ValueHead critic, Optim.AdamW optimizer, IReadOnlyList<IreVlaTrajectory> b, IreVlaOptions o,
        Random rng, RiptMetricsLine metrics)
    {
        var backbone = (IFrozenBackbone)policy;
        var decisions = b.SelectMany(t => t.Decisions).ToList();
        if (decisions.Count == 0)
            return metrics with { Samples = b.Count, Decisions = 0, OptimizerSteps = 0 };
        var trained = backbone.HeadParameters().Concat(critic.Parameters()).ToList();
        policy.Train(false);
        using var frozen = new FrozenBackbone(policy);
        using var bScope = TensorScope.Open();

        // Fixed before the first epoch, once (the backbone does not move): the head's inputs and the critic's features of
        // every decision, so the epochs run the heads only; then the old values and old log-probs.
        var chunks = Chunks(decisions.Count, o.PpoMinibatch).ToList();
        var headInputs = Tensor.Cat(chunks.Select(c => backbone.HeadInputs(decisions.GetRange(c.Start, c.Count))).ToList());
        var features = Tensor.Cat(chunks.Select(c => backbone.Features(decisions.GetRange(c.Start, c.Count).Select(d => d.Observation).ToList())).ToList());
        var bOldLogProb = new float[decisions.Count];
        double[] bOldValue;
        double oldGap = 0;
        using (Grad.Disabled())
        {
            bOldValue = critic.Forward(features).ToArray<float>().Select(v => (double)v).ToArray();
            bOldLogProb = backbone.HeadLogProb(headInputs, decisions).ToArray<float>();
        }
        var sampled = b.SelectMany(t => t.SampledLogProbs).ToArray();
        if (sampled.Length == decisions.Count)
            for (var i = 0; i < sampled.Length; i++) oldGap = Math.Max(oldGap, Math.Abs(sampled[i] - bOldLogProb[i]));

        // GAE per rollout, on the old values.
        var bAdvantage = new double[decisions.Count];
        var bReturn = new double[decisions.Count];
        var at = 0;
        foreach (var t in b)
        {
            var n = t.Decisions.Count;
            var (adv, ret) = Gae(SparseRewards(n, t.Success), bOldValue.AsSpan(at, n).ToArray(), o.Gamma, o.GaeLambda);
            adv.CopyTo(bAdvantage, at);
            ret.CopyTo(bReturn, at);
            at += n;
        }

        double pgSum = 0, vSum = 0, gradNormSum = 0, ratioMax = 0, approxKl = 0, oldApproxKl = 0, clipFrac = 0;
        int steps = 0, lastEpochMinibatches = 0;
        for (var epoch = 0; epoch < o.PpoEpochs; epoch++)
        {
            var order = Enumerable.Range(0, decisions.Count).OrderBy(_ => rng.Next()).ToArray();
            var lastEpoch = epoch == o.PpoEpochs - 1;
            foreach (var (start, count) in Chunks(order.Length, o.PpoMinibatch))
            {
                var mb = order.AsSpan(start, count).ToArray();
                using var scope = TensorScope.Open();
                var index = Tensor.FromArray(mb.Select(i => (long)i).ToArray(), count);
                var newLogProb = backbone.HeadLogProb(headInputs.IndexSelect(0, index), mb.Select(i => decisions[i]).ToList());
                var logRatio = newLogProb - Tensor.FromArray(mb.Select(i => bOldLogProb[i]).ToArray(), count);
                var ratio = logRatio.Exp();
                var advantage = Tensor.FromArray(mb.Select(i => (float)bAdvantage[i]).ToArray(), count);
                if (o.NormalizeAdvantages && count > 1)
                    advantage = (advantage - advantage.Mean()) / (advantage.Std() + 1e-8);

                using (Grad.Disabled())
                {
                    ratioMax = Math.Max(ratioMax, ratio.Max().Item());
                    if (lastEpoch)
                    {
                        approxKl += ((ratio - 1) - logRatio).Mean().Item();
                        oldApproxKl += (-logRatio).Mean().Item();
                        clipFrac += (ratio - 1).Abs().Gt(o.PpoClip).To(DType.Float32).Mean().Item();
                        lastEpochMinibatches++;
                    }
                }

                // Clipped surrogate (PPO), per decision.
                var pgLoss = (-advantage * ratio).Maximum(-advantage * ratio.Clamp(1 - o.PpoClip, 1 + o.PpoClip)).Mean();

                // Value loss on the returns, clipped around the old values (CleanRL's clip_vloss).
                var newValue = critic.Forward(features.IndexSelect(0, index));
                var target = Tensor.FromArray(mb.Select(i => (float)bReturn[i]).ToArray(), count);
                Tensor vLoss;
                if (o.ValueClip)
                {
                    var oldValue = Tensor.FromArray(mb.Select(i => (float)bOldValue[i]).ToArray(), count);
                    var clipped = oldValue + (newValue - oldValue).Clamp(-o.PpoClip, o.PpoClip);
                    vLoss = 0.5 * (newValue - target).Square().Maximum((clipped - target).Square()).Mean();
                }
                else vLoss = 0.5 * (newValue - target).Square().Mean();

                var loss = pgLoss + o.ValueCoef * vLoss;
                optimizer.ZeroGrad();
                loss.Backward();
                gradNormSum += Optim.ClipGradNorm(trained, o.PpoGradClip);
                optimizer.Step();
                steps++;
                pgSum += pgLoss.Item();
                vSum += vLoss.Item();
            }
        }

        // Explained variance of the old values on the returns (1: perfect, ≤ 0: no better than a constant).
        var meanReturn = bReturn.Average();
        var varReturn = bReturn.Sum(r => (r - meanReturn) * (r - meanReturn));
        var residual = bReturn.Zip(bOldValue, (r, v) => r - v).ToArray();
        var meanResidual = residual.Average();
        var varResidual = residual.Sum(x => (x - meanResidual) * (x - meanResidual));
        var n2 = Math.Max(1, lastEpochMinibatches);
        return metrics with
        {
            PolicyLoss = pgSum / steps, ValueLoss = vSum / steps, ExplainedVariance = varReturn == 0 ? 0 : 1 - varResidual / varReturn,
            ApproxKl = approxKl / n2, OldApproxKl = oldApproxKl / n2, ClipFraction = clipFrac / n2, RatioMax = ratioMax,
            GradNorm = gradNormSum / steps, OldLogProbGap = oldGap, OptimizerSteps = steps, Samples = b.Count, Decisions = decisions.Count,
            EntropyEstimate = -sampled.DefaultIfEmpty(0).Average(x => (double)x),
        };
    }

    private static IEnumerable<(int Start, int Count)> Chunks(int total, int size)
    {
        for (var start = 0; start < total; start += size) yield return (start, Math.Min(size, total - start));
    }

    // ---- 3. The online dataset: successes only (Algorithm 1, line 6) -----------------------------------------------
    // OnlineDataset.AddSuccesses keeps the successful rollouts of every RL iteration; failed ones feed stage 1 only.
    // OURS: successes are harvested from the RL rollouts themselves (the paper leaves open whether it re-rolls the
    // converged policy), so every environment step iRe-VLA spends is an RL step and the budget compares directly.

    // ---- 4. Stage 2: supervised learning of the whole policy on D_e ∪ D_RL (Algorithm 1, lines 8-9) ---------------

    /// <summary>
    /// SlSteps AdamW steps of the family's own SFT loss (regression: L1 on the action chunk; tokenized: cross-entropy on
    /// skill tokens) over the parameters of its main SFT stage (encoders + trunk/prior + action head; the scale head and
    /// skill autoencoder keep their meaning fixed, as in RIPT), on windows of <paramref name="data"/>. Dropout on, then off.
    /// </summary>
    public static RiptMetricsLine Supervise(IPolicy policy, SupervisedMix data, IreVlaOptions o, Random rng, RiptMetricsLine metrics)
    {
        if (data.IsEmpty)
            return metrics with { SupervisedLoss = null, OnlineFraction = 0, OptimizerSteps = 0 };
        var staged = (ISupervisedStages)policy;
        var previous = staged.Stage;
        staged.Stage = ((IFrozenBackbone)policy).SupervisedStage;
        policy.Train(true);
        try
        {
            var parameters = staged.StageParameters().ToList();
            using var optimizer = new Optim.AdamW(parameters, o.SlLr, weightDecay: o.SlWeightDecay);
            double lossSum = 0, gradNormSum = 0;
            for (var step = 0; step < o.SlSteps; step++)
            {
                using var scope = TensorScope.Open();
                optimizer.ZeroGrad();
                var loss = policy.BcLoss(data.Sample(o.SlBatchSize, rng, policy.Config));
                loss.Backward();
                gradNormSum += Optim.ClipGradNorm(parameters, o.SlGradClip);
                optimizer.Step();
                var value = loss.Item();
                if (!double.IsFinite(value))
                    throw new InvalidOperationException($"iRe-VLA stage 2 step {step}: the loss is {value}; lower train.sl_lr ({o.SlLr})");
                lossSum += value;
            }
            return metrics with
            {
                SupervisedLoss = lossSum / o.SlSteps, OnlineFraction = data.OnlineFraction, GradNorm = gradNormSum / o.SlSteps, OptimizerSteps = o.SlSteps,
            };
        }
        finally
        {
            policy.Train(false);
            staged.Stage = previous;
        }
    }
}
