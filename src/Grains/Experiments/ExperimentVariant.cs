namespace RiptOrleans.Grains.Experiments;

/// <summary>One arm of an ablation: what a cell changes in stage 3 (dynamic rejection on/off, initial-state noise on the contexts, RIPT or iRe-VLA).</summary>
/// <param name="NoiseUnits">Std of the contexts' object-position noise in the paper's unit of 2.5 cm (Fig. 7: 0, 1, 2, 4, 7).</param>
/// <param name="IreVla">Stage 3 alternates RL iterations with iRe-VLA's supervised rounds: iRe-VLA (train --algorithm ire-vla), or with
/// <paramref name="RiptRl"/> RIPT with the same replay (ript-replay).</param>
/// <param name="DemoReplay">The supervised rounds replay the expert demos (off: the demo-replay ablation, online successes only).</param>
/// <param name="RiptRl">The RL iterations between supervised rounds are RIPT's (whole-policy RLOO + PPO), not iRe-VLA's head-only PPO.</param>
public sealed record ExperimentVariant(string Name, bool DynamicRejection = true, double NoiseUnits = 0, bool IreVla = false, bool DemoReplay = true, bool RiptRl = false)
{
    /// <summary>Plain RIPT: dynamic rejection on, the demos' initial states as contexts.</summary>
    public static readonly ExperimentVariant Ript = new("ript");

    /// <summary>iRe-VLA with the paper's demo replay in every supervised round.</summary>
    public static readonly ExperimentVariant IreVlaReplay = new("ire-vla", IreVla: true);

    /// <summary>iRe-VLA whose supervised rounds see the online successes only: isolates the demo replay RIPT does not get.</summary>
    public static readonly ExperimentVariant IreVlaNoReplay = new("ire-vla-no-replay", IreVla: true, DemoReplay: false);

    /// <summary>
    /// RIPT's iterations alternating with iRe-VLA's supervised rounds on the expert demos ∪ RIPT's successes (the same
    /// rounds, D_e and D_RL rule): the other side of the demo-replay asymmetry, RIPT given the replay iRe-VLA gets.
    /// </summary>
    public static readonly ExperimentVariant RiptReplay = new("ript-replay", IreVla: true, RiptRl: true);

    /// <summary>Noise std in metres.</summary>
    public double ContextNoise => NoiseUnits * Physics.Tasks.Contexts.ContextNoise.Unit;
}
