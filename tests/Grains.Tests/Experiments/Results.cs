using RiptOrleans.Grains.Experiments;

namespace RiptOrleans.Grains.Tests.Experiments;

/// <summary>Hand-made cell results for the store, runner and table tests.</summary>
internal static class Results
{
    public static CellResult Of(string cell, int seed, double before, double after, string unit = "scenario-close-top-drawer", string family = "regression",
        int demos = 1, string variant = "ript", string experiment = "cross-scenario") => new()
    {
        Experiment = experiment, Cell = cell, Unit = unit, Family = family, Demos = demos, Seed = seed, Variant = variant, Status = CellResult.Finished,
        SuccessBefore = before, SuccessAfter = after, IterationsRun = 2, SecondsPerIteration = 10, RolloutsPerSecond = 3, SimSteps = 5000,
        EvalCurve = [new(0, before), new(2, after)], RolloutCurve = [new(1, 0.1), new(2, 0.3)],
    };
}
