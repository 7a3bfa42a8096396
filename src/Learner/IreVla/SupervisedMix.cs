using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// Stage 2's data, D_e ∪ D_RL (Algorithm 1, line 9): the expert demos (null in the demo-replay ablation) and the online
/// successes. The paper gives no mixing ratio; a plain union sampled uniformly by control step is the natural reading
/// (fact sheet §1.7), so a window comes from D_RL with probability (its control steps) / (all control steps), then a
/// demo window as SFT draws one, or one of D_RL's windows uniformly.
/// </summary>
public sealed class SupervisedMix(DemoDataset? demos, IReadOnlyList<DemoWindow> online, long onlineSteps)
{
    public DemoDataset? Demos { get; } = demos;

    /// <summary>One window per decision of every successful rollout held.</summary>
    public IReadOnlyList<DemoWindow> Online { get; } = online;

    /// <summary>Probability that a window comes from D_RL.</summary>
    public double OnlineFraction { get; } = online.Count == 0 ? 0 : demos is null ? 1 : (double)onlineSteps / (onlineSteps + demos.Steps);

    /// <summary>False when there is nothing to learn from (no demos replayed and no success yet).</summary>
    public bool IsEmpty => Online.Count == 0 && Demos is null;

    public IReadOnlyList<DemoWindow> Sample(int count, Random random, PolicyConfig config)
    {
        if (IsEmpty) throw new InvalidOperationException("stage 2 has no data: no demos are replayed and no rollout succeeded yet");
        var windows = new DemoWindow[count];
        for (var i = 0; i < count; i++)
            windows[i] = random.NextDouble() < OnlineFraction ? Online[random.Next(Online.Count)] : Demos!.Sample(1, random, config)[0];
        return windows;
    }
}
