using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Ript;

/// <summary>
/// The math of one RIPT iteration (dynamic-sampling LOOP, paper §4), top to bottom: leave-one-out advantages and the
/// all-equal test, the acceptance rule with its bound, then PPO over the batch D with the ratio of whole-trajectory
/// log-probs (Eq. 6, 8) or, as an option, per decision (the official code's variant). No transport, no file I/O.
/// </summary>
public static class RiptUpdate
{
    // ---- 1. Leave-one-out advantages and the all-equal test (Eq. 4–5) ---------------------------------------------

    /// <summary>A_k = R_k − mean of the other K − 1 rewards; e.g. [1, 0, 0, 1] → [2/3, −2/3, −2/3, 2/3].</summary>
    public static double[] LeaveOneOutAdvantages(IReadOnlyList<double> rewards)
    {
        var k = rewards.Count;
        if (k < 2) throw new ArgumentException($"leave-one-out needs at least 2 rewards, got {k}", nameof(rewards));
        var sum = rewards.Sum();
        return rewards.Select(r => r - (sum - r) / (k - 1)).ToArray();
    }

    /// <summary>True when every advantage would be 0: all successes or all failures (the group teaches nothing).</summary>
    public static bool AllEqual(IReadOnlyList<double> rewards) => rewards.All(r => r == rewards[0]);

    // ---- 2. Acceptance ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Dynamic rejection with a bound: all-equal groups are rejected (when enabled) and counted by split; after too many
    /// rejections in a row the search stops with an error saying which split, unlike the unbounded loop of the official code.
    /// </summary>
    public sealed class Acceptance(RiptOptions options)
    {
        private int _consecutive;
        private int _consecutiveSuccess;

        public int Accepted { get; private set; }
        public int RejectedAllSuccess { get; private set; }
        public int RejectedAllFail { get; private set; }
        public int ContextsTried => Accepted + RejectedAllSuccess + RejectedAllFail;

        /// <summary>Decides on one group; throws <see cref="RiptRejectionException"/> when the bound is reached.</summary>
        public bool Accept(IReadOnlyList<double> rewards)
        {
            if (!options.DynamicRejection || !AllEqual(rewards))
            {
                Accepted++;
                _consecutive = _consecutiveSuccess = 0;
                return true;
            }
            var success = rewards[0] > 0;
            if (success) RejectedAllSuccess++; else RejectedAllFail++;
            _consecutive++;
            if (success) _consecutiveSuccess++;
            if (_consecutive >= options.MaxConsecutiveRejections)
            {
                var fail = _consecutive - _consecutiveSuccess;
                var verdict = _consecutiveSuccess == _consecutive ? "the policy already solves these contexts"
                    : fail == _consecutive ? "the policy never succeeds here: SFT more or pick easier contexts"
                    : "every group is uniform";
                throw new RiptRejectionException(
                    $"{_consecutive} consecutive groups all-equal ({_consecutiveSuccess} all-success, {fail} all-fail): {verdict}",
                    _consecutiveSuccess, fail);
            }
            return false;
        }
    }

    // ---- 3. PPO over D ---------------------------------------------------------------------------------------------

    /// <summary>AdamW over the policy's RL parameter groups, each at its rate from GroupLearningRates or LearningRate.</summary>
    public static Optim.AdamW CreateOptimizer(IPolicy policy, RiptOptions o)
    {
        var groups = policy.RlParameterGroups();
        var unknown = o.GroupLearningRates.Keys.Where(k => groups.All(g => g.Name != k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"train.group_learning_rates names unknown groups [{string.Join(", ", unknown)}]; " +
                $"this policy's groups are [{string.Join(", ", groups.Select(g => g.Name))}]");
        return new Optim.AdamW(groups.Select(g => new Optim.ParamGroup(g.Parameters, o.GroupLearningRates.GetValueOrDefault(g.Name, o.LearningRate), o.WeightDecay)));
    }

    /// <summary>N epochs of clipped PPO over the batch <paramref name="b"/>; returns the `loss/` metrics.</summary>
    public static RiptMetrics Update(IPolicy policy, Optim.AdamW optimizer, IReadOnlyList<RiptSample> b, RiptOptions o, Random rng)
    {
        o.Validate();
        // With dynamic rejection off, uniform groups count in D but ship no trajectories: their zero advantages carry
        // no gradient, so a batch of only such groups is a step-less update.
        if (b.Count == 0)
            return new RiptMetrics(0, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        var parameters = policy.RlParameters().ToList();
        var decisions = b.Sum(s => s.Decisions.Count);
        // Dropout off: old and new log-probs must differ only through the weights (r = 1 before the first step).
        policy.Train(false);

        // Old log-probs, fixed before the first epoch: recomputed under π_old (official code) or as sampled.
        var bOld = new float[b.Count][];
        double oldGap = 0;
        for (var start = 0; start < b.Count; start += o.MinibatchSize)
        {
            var count = Math.Min(o.MinibatchSize, b.Count - start);
            if (o.OldLogProbs == OldLogProbSource.Sampling)
            {
                for (var i = start; i < start + count; i++) bOld[i] = b[i].SampledLogProbs;
                continue;
            }
            using var scope = TensorScope.Open();
            using var _ = Grad.Disabled();
            var recomputed = policy.LogProb(b.Skip(start).Take(count).SelectMany(s => s.Decisions).ToList()).ToArray<float>();
            var at = 0;
            for (var i = start; i < start + count; i++)
            {
                bOld[i] = recomputed.AsSpan(at, b[i].Decisions.Count).ToArray();
                for (var d = 0; d < bOld[i].Length; d++) oldGap = Math.Max(oldGap, Math.Abs(bOld[i][d] - b[i].SampledLogProbs[d]));
                at += b[i].Decisions.Count;
            }
        }

        double lossSum = 0, gradNormSum = 0, ratioMax = 0, approxKl = 0, oldApproxKl = 0, clipFrac = 0;
        int minibatches = 0, steps = 0, lastEpochMinibatches = 0;
        optimizer.ZeroGrad();
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            var order = Enumerable.Range(0, b.Count).OrderBy(_ => rng.Next()).ToArray();
            var lastEpoch = epoch == o.Epochs - 1;
            var inEpoch = 0;
            for (var start = 0; start < order.Length; start += o.MinibatchSize)
            {
                var mb = order.Skip(start).Take(o.MinibatchSize).ToArray();
                using var scope = TensorScope.Open();

                // New log-probs of every decision of the minibatch's trajectories, and each decision's trajectory index.
                var mbDecisions = mb.SelectMany(i => b[i].Decisions).ToList();
                var segment = mb.SelectMany((i, j) => Enumerable.Repeat((long)j, b[i].Decisions.Count)).ToArray();
                var newLogProb = policy.LogProb(mbDecisions);
                var oldLogProb = Tensor.FromArray(mb.SelectMany(i => bOld[i]).ToArray(), segment.Length);

                // Log-ratio per trajectory (Σ over decisions, Eq. 6) or per decision, then the clipped surrogate (Eq. 8).
                Tensor logRatio, advantage;
                if (o.Ratio == RatioMode.Trajectory)
                {
                    var index = Tensor.FromArray(segment, segment.Length);
                    var delta = newLogProb - oldLogProb;
                    logRatio = Zeros([mb.Length]).ScatterAdd(0, index, delta);
                    advantage = Tensor.FromArray(mb.Select(i => (float)b[i].Advantage).ToArray(), mb.Length);
                }
                else
                {
                    logRatio = newLogProb - oldLogProb;
                    advantage = Tensor.FromArray(mb.SelectMany(i => Enumerable.Repeat((float)b[i].Advantage, b[i].Decisions.Count)).ToArray(), segment.Length);
                }
                logRatio = logRatio.Clamp(-o.MaxLogRatio, o.MaxLogRatio);
                var ratio = logRatio.Exp();

                using (Grad.Disabled())
                {
                    ratioMax = Math.Max(ratioMax, ratio.Max().Item());
                    if (lastEpoch)
                    {
                        approxKl += ((ratio - 1) - logRatio).Mean().Item();
                        oldApproxKl += (-logRatio).Mean().Item();
                        clipFrac += (ratio - 1).Abs().Gt(o.ClipEpsilon).To(DType.Float32).Mean().Item();
                        lastEpochMinibatches++;
                    }
                }

                var unclipped = -advantage * ratio;
                var clipped = -advantage * ratio.Clamp(1 - o.ClipEpsilon, 1 + o.ClipEpsilon);
                var loss = unclipped.Maximum(clipped).Mean();
                lossSum += loss.Item();
                (loss / o.GradientAccumulation).Backward();
                minibatches++;
                inEpoch++;

                // Step every GradientAccumulation minibatches and at each epoch's end (no gradient crosses epochs).
                var boundary = inEpoch % o.GradientAccumulation == 0 || start + o.MinibatchSize >= order.Length;
                if (boundary)
                {
                    gradNormSum += Optim.ClipGradNorm(parameters, o.MaxGradNorm);
                    optimizer.Step();
                    optimizer.ZeroGrad();
                    steps++;
                }
            }
        }
        var n = Math.Max(1, lastEpochMinibatches);
        return new RiptMetrics(lossSum / minibatches, approxKl / n, oldApproxKl / n, clipFrac / n, ratioMax, gradNormSum / Math.Max(1, steps),
            oldGap, steps, b.Count, decisions);
    }
}
