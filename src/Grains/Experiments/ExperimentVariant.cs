namespace RiptOrleans.Grains.Experiments;

/// <summary>One arm of an ablation: what a cell changes in stage 3 (dynamic rejection on/off, initial-state noise on the contexts, RIPT or iRe-VLA).</summary>
/// <param name="NoiseUnits">Std of the contexts' object-position noise in the paper's unit of 2.5 cm (Fig. 7: 0, 1, 2, 4, 7).</param>
/// <param name="IreVla">Stage 3 is iRe-VLA (train --algorithm ire-vla) instead of RIPT.</param>
/// <param name="DemoReplay">iRe-VLA's stage 2 replays the expert demos (off: the demo-replay ablation, online successes only).</param>
public sealed record ExperimentVariant(string Name, bool DynamicRejection = true, double NoiseUnits = 0, bool IreVla = false, bool DemoReplay = true)
{
    /// <summary>Plain RIPT: dynamic rejection on, the demos' initial states as contexts.</summary>
    public static readonly ExperimentVariant Ript = new("ript");

    /// <summary>iRe-VLA with the paper's demo replay in every supervised round.</summary>
    public static readonly ExperimentVariant IreVlaReplay = new("ire-vla", IreVla: true);

    /// <summary>iRe-VLA whose supervised rounds see the online successes only: isolates the demo replay RIPT does not get.</summary>
    public static readonly ExperimentVariant IreVlaNoReplay = new("ire-vla-no-replay", IreVla: true, DemoReplay: false);

    /// <summary>Noise std in metres.</summary>
    public double ContextNoise => NoiseUnits * Physics.Tasks.Contexts.ContextNoise.Unit;
}
