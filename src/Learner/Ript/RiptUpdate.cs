using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Ript;

/// <summary>
/// The math of one RIPT iteration (dynamic-sampling LOOP, paper §4), top to bottom: leave-one-out advantages and the
/// all-equal test, the acceptance rule with its bound, then PPO over the batch D with the ratio of whole-trajectory
/// log-probs (Eq. 6, 8) or, as options, per decision or per token / action step (the official code's variant). No
/// transport, no file I/O.
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
    /// Dynamic rejection with a bound for one collection phase. All-equal groups are rejected (when enabled) and counted
    /// by split; the phase is done when B/K groups are accepted. Success may be rare without being absent (K = 8 at
    /// p = 1 %: one group in 13 is mixed), so the bound is not a count of rejections in a row: every rollout of the phase
    /// feeds an estimate of the success probability p, and the search stops with an error only when a one-sided
    /// confidence bound says p is below <see cref="RiptOptions.MinSuccessRate"/> (no success at all) or above
    /// 1 − MinSuccessRate (every rollout a success). A rollout budget (RolloutBudget × B) caps the phase: when it runs
    /// out with some groups accepted, the update takes the partial batch; with none, it stops with the split. The
    /// official code has no bound (it loops forever, ript-vla issue #10) and stops early at 80 % of B only to
    /// synchronise ranks.
    /// </summary>
    public sealed class Acceptance(RiptOptions options)
    {
        private readonly int _needed = options.BatchSize / options.K;
        private readonly long _budget = (long)options.RolloutBudget * options.BatchSize;

        public int Accepted { get; private set; }
        public int RejectedAllSuccess { get; private set; }
        public int RejectedAllFail { get; private set; }
        public int ContextsTried => Accepted + RejectedAllSuccess + RejectedAllFail;

        /// <summary>Rollouts and successes of every group decided so far (rejected ones included): the estimate of p.</summary>
        public long Rollouts { get; private set; }
        public long Successes { get; private set; }

        /// <summary>The rollout budget ran out before B/K groups were accepted; the batch is partial.</summary>
        public bool BudgetSpent { get; private set; }

        /// <summary>The phase has its B/K groups, or the budget ran out with at least one.</summary>
        public bool Done => Accepted >= _needed || BudgetSpent;

        /// <summary>
        /// Rollouts without a single success (or without a single failure) after which p &lt; MinSuccessRate
        /// (p &gt; 1 − MinSuccessRate) at the given confidence: the smallest n with (1 − p_min)^n ≤ 1 − confidence
        /// (the exact one-sided binomial bound for 0 events; ≈ 3 / p_min at 95 %).
        /// </summary>
        public static long RolloutsToRuleOut(double minSuccessRate, double confidence) =>
            (long)Math.Ceiling(Math.Log(1 - confidence) / Math.Log(1 - minSuccessRate));

        /// <summary>Decides on one group; throws <see cref="RiptRejectionException"/> when success is absent or certain, or the budget is spent with nothing accepted.</summary>
        public bool Accept(IReadOnlyList<double> rewards)
        {
            if (Done) throw new InvalidOperationException("the collection phase is already done");
            Rollouts += rewards.Count;
            Successes += rewards.Count(r => r > 0);
            bool accepted;
            if (!options.DynamicRejection || !AllEqual(rewards))
            {
                Accepted++;
                accepted = true;
            }
            else
            {
                if (rewards[0] > 0) RejectedAllSuccess++; else RejectedAllFail++;
                accepted = false;
                var ruleOut = RolloutsToRuleOut(options.MinSuccessRate, options.SuccessConfidence);
                if (Successes == 0 && Rollouts >= ruleOut)
                    throw Stop($"no success in {Rollouts} rollouts: the success probability is below {Percent(options.MinSuccessRate)} at {Percent(options.SuccessConfidence)} " +
                        "confidence, so no group can be mixed; the policy never succeeds here: SFT more, sample more widely (train.temperature) or pick easier contexts");
                if (Successes == Rollouts && Rollouts >= ruleOut)
                    throw Stop($"every one of {Rollouts} rollouts succeeded: the success probability is above {Percent(1 - options.MinSuccessRate)} at " +
                        $"{Percent(options.SuccessConfidence)} confidence; the policy already solves these contexts", solved: true);
            }
            if (!Done && Rollouts >= _budget)
            {
                if (Accepted == 0)
                    throw Stop($"the rollout budget ({options.RolloutBudget} x batch size = {_budget} rollouts) is spent and no group was mixed " +
                        $"({Successes} successes, p = {Percent((double)Successes / Rollouts)}): every group is uniform, each context either always or never solved");
                BudgetSpent = true;
            }
            return accepted;
        }

        private static string Percent(double p) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{100 * p:0.##}%");

        private RiptRejectionException Stop(string verdict, bool solved = false) =>
            new($"{ContextsTried} groups tried ({Accepted} mixed, {RejectedAllSuccess} all-success, {RejectedAllFail} all-fail): {verdict}", RejectedAllSuccess, RejectedAllFail, solved);
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
        return new Optim.AdamW(groups.Select(g => new Optim.ParamGroup(g.Parameters, ConfiguredRate(o, g.Name), o.WeightDecay)));
    }

    /// <summary>A parameter group's configured rate: its entry in GroupLearningRates, else LearningRate.</summary>
    private static double ConfiguredRate(RiptOptions o, string group) => o.GroupLearningRates.GetValueOrDefault(group, o.LearningRate);

    /// <summary>Every group's rate ÷ 1.5 past 2 × TargetKl, × 1.5 under TargetKl / 2, kept within [its configured rate / 100, × 10].</summary>
    private static void AdaptLearningRate(Optim.AdamW optimizer, IReadOnlyList<double> configured, RiptOptions o, double kl)
    {
        var factor = kl > 2 * o.TargetKl ? 1 / 1.5 : kl < o.TargetKl / 2 ? 1.5 : 1.0;
        if (factor == 1.0) return;
        for (var g = 0; g < optimizer.GroupCount; g++)
            optimizer.SetLr(Math.Clamp(optimizer.GetLr(g) * factor, configured[g] / 100, configured[g] * 10), g);
    }

    /// <summary>N epochs of clipped PPO over the batch <paramref name="b"/>: <paramref name="metrics"/> (the iteration's line so far) with the `loss/` values and the entropy estimate filled in.</summary>
    public static RiptMetricsLine Update(IPolicy policy, Optim.AdamW optimizer, IReadOnlyList<RiptSample> b, RiptOptions o, Random rng, RiptMetricsLine? metrics = null)
    {
        metrics ??= new RiptMetricsLine();
        o.Validate();
        // With dynamic rejection off, uniform groups count in D but ship no trajectories: their zero advantages carry
        // no gradient, so a batch of only such groups is a step-less update.
        if (b.Count == 0)
            return metrics with { LearningRate = optimizer.GetLr(0), PolicyLoss = 0, ApproxKl = 0, OldApproxKl = 0, ClipFraction = 0, RatioMax = 1, GradNorm = 0, OldLogProbGap = 0, OptimizerSteps = 0, Samples = 0, Decisions = 0, EntropyEstimate = 0 };
        var parameters = policy.RlParameters().ToList();
        // each optimizer group's configured rate (CreateOptimizer's order), the centre of its adaptive range
        var named = policy.RlParameterGroups();
        var configuredRates = Enumerable.Range(0, optimizer.GroupCount)
            .Select(g => named.Count == optimizer.GroupCount ? ConfiguredRate(o, named[g].Name) : o.LearningRate).ToArray();
        var decisions = b.Sum(s => s.Decisions.Count);
        // Dropout off: old and new log-probs must differ only through the weights (r = 1 before the first step).
        policy.Train(false);

        // Old log-probs, fixed before the first epoch: recomputed under π_old (official code) or as sampled; per token
        // (or action step) for the per-token ratio, else per decision. bOld[i] holds sample i's decisions x parts.
        var perToken = o.Ratio == RatioMode.PerToken;
        Tensor Score(IReadOnlyList<ScoredDecision> ds) => perToken ? policy.PartLogProbs(ds) : policy.LogProb(ds);
        var bOld = new float[b.Count][];
        var parts = 1;
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
            var scored = Score(b.Skip(start).Take(count).SelectMany(s => s.Decisions).ToList());
            parts = scored.Dim == 2 ? (int)scored.Size(1) : 1;
            var recomputed = scored.ToArray<float>();
            var at = 0;
            for (var i = start; i < start + count; i++)
            {
                bOld[i] = recomputed.AsSpan(at, b[i].Decisions.Count * parts).ToArray();
                for (var d = 0; d < b[i].Decisions.Count; d++)
                {
                    double decision = 0;
                    for (var p = 0; p < parts; p++) decision += bOld[i][d * parts + p];
                    oldGap = Math.Max(oldGap, Math.Abs(decision - b[i].SampledLogProbs[d]));
                }
                at += b[i].Decisions.Count * parts;
            }
        }

        // approxKl, oldApproxKl and clipFrac describe the last epoch that ran (the one cut short, when the KL stop fired).
        double lossSum = 0, gradNormSum = 0, ratioMax = 0, approxKl = 0, oldApproxKl = 0, clipFrac = 0;
        int minibatches = 0, steps = 0, epochMinibatches = 0;
        var klStopped = false;
        optimizer.ZeroGrad();
        for (var epoch = 0; epoch < o.Epochs && !klStopped; epoch++)
        {
            var order = Enumerable.Range(0, b.Count).OrderBy(_ => rng.Next()).ToArray();
            approxKl = oldApproxKl = clipFrac = 0;
            epochMinibatches = 0;
            var inEpoch = 0;
            for (var start = 0; start < order.Length; start += o.MinibatchSize)
            {
                var mb = order.Skip(start).Take(o.MinibatchSize).ToArray();
                using var scope = TensorScope.Open();

                // New log-probs of every decision (or token) of the minibatch's trajectories, and each decision's trajectory index.
                var mbDecisions = mb.SelectMany(i => b[i].Decisions).ToList();
                var segment = mb.SelectMany((i, j) => Enumerable.Repeat((long)j, b[i].Decisions.Count)).ToArray();
                var newLogProb = Score(mbDecisions);
                var oldLogProb = perToken
                    ? Tensor.FromArray(mb.SelectMany(i => bOld[i]).ToArray(), segment.Length, parts)
                    : Tensor.FromArray(mb.SelectMany(i => bOld[i]).ToArray(), segment.Length);

                // Log-ratio per trajectory (Σ over decisions, Eq. 6), per decision or per token, then the clipped surrogate (Eq. 8).
                Tensor logRatio, advantage;
                var delta = newLogProb - oldLogProb;
                if (o.Ratio == RatioMode.Trajectory)
                {
                    var index = Tensor.FromArray(segment, segment.Length);
                    logRatio = Zeros([mb.Length]).ScatterAdd(0, index, delta);
                    advantage = Tensor.FromArray(mb.Select(i => (float)b[i].Advantage).ToArray(), mb.Length);
                }
                else
                {
                    // Every decision (and every token of it) carries its trajectory's advantage.
                    logRatio = delta;
                    var perDecision = mb.SelectMany(i => Enumerable.Repeat((float)b[i].Advantage, b[i].Decisions.Count * (perToken ? parts : 1))).ToArray();
                    advantage = perToken ? Tensor.FromArray(perDecision, segment.Length, parts) : Tensor.FromArray(perDecision, segment.Length);
                }
                logRatio = logRatio.Clamp(-o.MaxLogRatio, o.MaxLogRatio);
                var ratio = logRatio.Exp();

                using (Grad.Disabled())
                {
                    ratioMax = Math.Max(ratioMax, ratio.Max().Item());
                    approxKl += ((ratio - 1) - logRatio).Mean().Item();
                    oldApproxKl += (-logRatio).Mean().Item();
                    clipFrac += (ratio - 1).Abs().Gt(o.ClipEpsilon).To(DType.Float32).Mean().Item();
                    epochMinibatches++;
                    // The KL stop, measured per decision in every ratio mode (k3 estimator: E[r − 1 − log r]) before this step.
                    if (o.TargetKl > 0)
                    {
                        var decisionLogRatio = (perToken ? delta.Sum(1) : delta).Clamp(-o.MaxLogRatio, o.MaxLogRatio);
                        var decisionKl = (decisionLogRatio.Exp() - 1 - decisionLogRatio).Mean().Item();
                        // before the iteration's first step the policy is the sampling one: that KL says nothing of the rate
                        if (o.AdaptiveLr && steps > 0) AdaptLearningRate(optimizer, configuredRates, o, decisionKl);
                        if (decisionKl > 1.5 * o.TargetKl)
                        {
                            klStopped = true;
                            break;
                        }
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
        optimizer.ZeroGrad();
        var n = Math.Max(1, epochMinibatches);
        return metrics with
        {
            LearningRate = optimizer.GetLr(0),
            PolicyLoss = lossSum / Math.Max(1, minibatches), ApproxKl = approxKl / n, OldApproxKl = oldApproxKl / n, ClipFraction = clipFrac / n, RatioMax = ratioMax,
            GradNorm = gradNormSum / Math.Max(1, steps), OldLogProbGap = oldGap, OptimizerSteps = steps, Samples = b.Count, Decisions = decisions,
            // −mean sampled log-prob per decision: a Monte Carlo estimate of the sampling policy's entropy per decision.
            EntropyEstimate = -b.SelectMany(x => x.SampledLogProbs).DefaultIfEmpty(0).Average(),
        };
    }
}
