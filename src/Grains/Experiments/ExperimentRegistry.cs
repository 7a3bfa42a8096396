using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Grains.Experiments;

/// <summary>
/// The paper's figures and tables as registered experiments (`ript experiment NAME`), the transfer pairs they range
/// over, and the suites they name, built or not: a suite that does not exist yet stays a registered name that fails
/// with a clear message.
/// </summary>
public static class ExperimentRegistry
{
    /// <summary>The quickstart's pair: the default unit of the single-pair ablations.</summary>
    public const string QuickstartPair = "scenario-close-top-drawer";

    /// <summary>MetaWorld ML45's 45 training tasks (ML45_PRISE, as QueST and RIPT use them): the paper's "ML45" suite.</summary>
    public const string Ml45 = "metaworld:ml45-train";

    /// <summary>Every registered transfer pair: libero-mini's (spec Part C) and libero-goal's cross-goal pairs.</summary>
    public static IReadOnlyList<Experiment> Pairs { get; } = [.. LiberoMini.Experiments, .. LiberoGoal.Experiments];

    private static readonly string[] PaperSuites = ["libero-goal", "libero-spatial", "libero-object", "libero-10"];

    public static IReadOnlyList<ExperimentDefinition> All { get; } =
    [
        new("cross-scenario", "Cross-scenario transfer: pretrain on scene A, SFT on few demos of scene B, RIPT on B",
            "Fig. 3 (QueST, 1-5 demos, 5 pairs): 1 demo ~5 % SFT -> ~97 % RIPT (best pair 3.5 % -> 97.2 % within 15 iterations)",
            UnitKind.Pairs, "cross-scenario", PairsOf("cross-scenario"), [1, 3, 5], [1, 2, 3], [ExperimentVariant.Ript]),
        new("cross-goal", "Cross-goal transfer: pretrain on goal A, SFT on few demos of goal B in the same scene, RIPT on B",
            "Fig. 4 (QueST, 3-10 demos, 5 pairs): 3 demos 0.7 % SFT -> 59.7 % RIPT",
            UnitKind.Pairs, "cross-goal", PairsOf("cross-goal"), [3, 5, 10], [1, 2, 3], [ExperimentVariant.Ript]),
        new("multitask", "Multitask: one SFT policy per suite from 50 demos per task, then RIPT over every task",
            "Table 1 (QueST SFT -> RIPT): Goal 80.8 -> 92.7, Spatial 87.4 -> 95.6, Object 93.6 -> 98.4, Long 68.8 -> 87.5, mean 82.7 -> 93.6; OFT 96.7 -> 97.5",
            UnitKind.Suites, null, PaperSuites, [50], [1], [ExperimentVariant.Ript]),
        new("few-shot", "Few-shot multitask: SFT from 1-10 demos per task of a suite, then RIPT",
            "Table 2 right / Fig. 2 (QueST 5-shot): LIBERO-Long 50.2 -> 71.4, ML45 63.6 -> 76.0",
            UnitKind.Suites, null, ["libero-10", Ml45, "libero-goal"], [1, 3, 5, 10], [1, 2, 3], [ExperimentVariant.Ript]),
        new("dynamic-sampling", "Ablation: dynamic sampling (rejection of all-equal groups) on vs off, same seeds",
            "Table 3: dynamic sampling adds +3.3 points on average",
            UnitKind.PairsOrSuites, null, [QuickstartPair], [1], [1, 2, 3],
            [new ExperimentVariant("rejection-on"), new ExperimentVariant("rejection-off", DynamicRejection: false)]),
        new("context-noise", "Robustness: Gaussian noise of sigma x 2.5 cm on the RL contexts' object positions",
            "Fig. 7: stable up to 1x (2.5 cm) of initial-state noise, degrading beyond",
            UnitKind.PairsOrSuites, null, [QuickstartPair], [1], [1],
            [.. new[] { 0, 1, 2, 4, 7 }.Select(s => new ExperimentVariant($"noise-{s}x", NoiseUnits: s))]),
        new("compare", "RIPT vs iRe-VLA: same SFT checkpoint, training contexts, env-step budget (--sim-step-budget) and held-out contexts; the demo-replay asymmetry both ways (RIPT with iRe-VLA's replay, iRe-VLA without it)",
            "iRe-VLA (Guo et al. 2025) Table I, MetaWorld: SFT 0.41 -> iRe-VLA 0.89 on its 5 RL tasks, expert tasks kept at 0.83 (PPO-Replay 0.35); RIPT-VLA: see cross-scenario",
            UnitKind.PairsOrSuites, null, [QuickstartPair], [3], [1, 2, 3],
            [ExperimentVariant.Ript, ExperimentVariant.IreVlaReplay, ExperimentVariant.IreVlaNoReplay, ExperimentVariant.RiptReplay]),
    ];

    /// <summary>The experiment of a name; null when none is registered.</summary>
    public static ExperimentDefinition? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    /// <summary>The registered pair of a name; null when none.</summary>
    public static Experiment? FindPair(string name) => Pairs.FirstOrDefault(p => p.Name == name);

    /// <summary>True when the suite, or the named split written <c>suite:split</c>, exists in the task registry.</summary>
    public static bool IsBuilt(string suite)
    {
        var colon = suite.IndexOf(':');
        return colon < 0
            ? TaskRegistry.SuiteNames.Contains(suite)
            : TaskRegistry.SuiteNames.Contains(suite[..colon]) && TaskRegistry.Splits(suite[..colon]).ContainsKey(suite[(colon + 1)..]);
    }

    private static string[] PairsOf(string kind) => Pairs.Where(p => p.Kind == kind).Select(p => p.Name).ToArray();
}
