namespace RiptOrleans.Grains.Experiments;

/// <summary>One arm of an ablation: what a cell changes in RIPT (dynamic rejection on/off, initial-state noise on the contexts).</summary>
/// <param name="NoiseUnits">Std of the contexts' object-position noise in the paper's unit of 2.5 cm (Fig. 7: 0, 1, 2, 4, 7).</param>
public sealed record ExperimentVariant(string Name, bool DynamicRejection = true, double NoiseUnits = 0)
{
    /// <summary>Plain RIPT: dynamic rejection on, the demos' initial states as contexts.</summary>
    public static readonly ExperimentVariant Ript = new("ript");

    /// <summary>Noise std in metres.</summary>
    public double ContextNoise => NoiseUnits * Physics.Tasks.Contexts.ContextNoise.Unit;
}
