namespace RiptOrleans.Physics.Tasks;

/// <summary>A named transfer experiment of the RIPT paper: pretrain on <see cref="Source"/>, adapt to <see cref="Target"/> (§5.4 cross-scenario, §5.5 cross-goal).</summary>
public sealed record Experiment(string Name, string Kind, string Source, string Target);
