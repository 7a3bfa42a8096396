using RiptOrleans.Learner.Configuration;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// Every knob of iRe-VLA (Guo et al. 2025) on our stack. The paper reports none of its optimisation settings (fact sheet
/// §2.4), so each default here is ours (fact sheet §5.3: CleanRL's ppo_continuous_action values, with a smaller head rate
/// for a pretrained head). Rollouts per RL iteration are train's batch_size, in groups of train's k, every group kept.
/// </summary>
public sealed record IreVlaOptions
{
    /// <summary>RL iterations (stage 1) per round before its supervised iteration (stage 2); the paper runs RL "until convergence".</summary>
    [Option("iRe-VLA: RL iterations (stage 1) per round before its supervised iteration (stage 2)", Min = 1, Max = 100_000)]
    public int RlIterations { get; init; } = 4;

    /// <summary>
    /// Off (the paper's Algorithm 1): round r's RL stage trains the run's task r mod n, tasks learned one by one in the run's
    /// order. On: every round's RL stage samples contexts of every task (a deviation from the paper, labelled as such).
    /// </summary>
    [Option("iRe-VLA: every round's RL stage trains all tasks at once (a deviation; default: one task per round, in order, as the paper)")]
    public bool JointRounds { get; init; }

    /// <summary>Discount per decision (a chunk): 0.99 suits episodes of up to ~100 decisions (fact sheet §5.3).</summary>
    [Option("iRe-VLA: discount γ per decision", Min = 0, Max = 1, MinExclusive = true)]
    public double Gamma { get; init; } = 0.99;

    [Option("iRe-VLA: GAE λ", Min = 0, Max = 1)]
    public double GaeLambda { get; init; } = 0.95;

    [Option("iRe-VLA: PPO epochs over one RL iteration's decisions", Min = 1, Max = 1000)]
    public int PpoEpochs { get; init; } = 10;

    [Option("iRe-VLA: decisions per PPO minibatch", Min = 1)]
    public int PpoMinibatch { get; init; } = 64;

    [Option("iRe-VLA: PPO clip ε (policy ratio and value clipping)", Min = 0, Max = 1, MinExclusive = true, MaxExclusive = true)]
    public double PpoClip { get; init; } = 0.2;

    /// <summary>
    /// Learning rate of the pretrained action head: train.lr's default, so neither algorithm takes larger steps on the head
    /// (CleanRL's 3e-4 is for training from scratch; at 1e-4 the Laplace head's ratios left the clip range for a third of
    /// the decisions within one iteration on reach).
    /// </summary>
    [Option("iRe-VLA: learning rate of the action head in stage 1", Min = 0, Max = 1, MinExclusive = true)]
    public double HeadLr { get; init; } = 1e-5;

    /// <summary>The fresh value head learns faster than the pretrained actor.</summary>
    [Option("iRe-VLA: learning rate of the fresh value head in stage 1", Min = 0, Max = 1, MinExclusive = true)]
    public double CriticLr { get; init; } = 1e-3;

    [Option("iRe-VLA: hidden units of the value head (an MLP on the frozen features)", Min = 1, Max = 65_536, ConfigOnly = true)]
    public int CriticHidden { get; init; } = 256;

    [Option("iRe-VLA: value loss coefficient", Min = 0, ConfigOnly = true)]
    public double ValueCoef { get; init; } = 0.5;

    [Option("iRe-VLA: clip the value loss around the old values (CleanRL's clip_vloss)", ConfigOnly = true)]
    public bool ValueClip { get; init; } = true;

    [Option("iRe-VLA: normalise advantages per minibatch", ConfigOnly = true)]
    public bool NormalizeAdvantages { get; init; } = true;

    [Option("iRe-VLA: gradient-norm clip of stage 1", Min = 0, Max = 1e12, MinExclusive = true, ConfigOnly = true)]
    public double PpoGradClip { get; init; } = 0.5;

    [Option("iRe-VLA: optimiser steps of each supervised stage (stage 2)", Min = 1, Max = 10_000_000)]
    public int SlSteps { get; init; } = 200;

    [Option("iRe-VLA: windows per supervised step", Min = 1, Max = 65_536)]
    public int SlBatchSize { get; init; } = 64;

    /// <summary>Stage 2 uses the family's SFT optimiser settings (fact sheet §5.3): SFT's default rate, constant (no warm-up: it continues a trained policy).</summary>
    [Option("iRe-VLA: learning rate of stage 2 (constant; SFT's default)", Min = 0, Max = 1, MinExclusive = true)]
    public double SlLr { get; init; } = 1e-3;

    [Option("iRe-VLA: AdamW weight decay of stage 2", Min = 0, Max = 1, ConfigOnly = true)]
    public double SlWeightDecay { get; init; } = 1e-4;

    [Option("iRe-VLA: gradient-norm clip of stage 2", Min = 0, Max = 1e12, MinExclusive = true, ConfigOnly = true)]
    public double SlGradClip { get; init; } = 1.0;

    /// <summary>Off for the demo-replay ablation: stage 2 then learns from the online successes only.</summary>
    [Option("iRe-VLA: replay the expert demos in stage 2 (false: online successes only, the demo-replay ablation)")]
    public bool DemoReplay { get; init; } = true;

    /// <summary>Where D_e lives; unset: train.demo_dir, else the demo directory the SFT checkpoint recorded.</summary>
    [Option("iRe-VLA: demo files of stage 2 (unset: train.demo_dir, else the SFT checkpoint's)", NonEmpty = true)]
    public string? SlDemoDir { get; init; }

    /// <summary>Demos per task in D_e; 0: as many as the SFT checkpoint was trained on (D_e is exactly SFT's demo set).</summary>
    [Option("iRe-VLA: demos per task in stage 2 (0: as many as the SFT checkpoint used)", Min = 0, Max = 100_000)]
    public int SlDemos { get; init; }

    /// <summary>Every problem, one message each, naming the field (empty when valid).</summary>
    public List<string> Problems() => OptionRules.Validate(this, "train");

    /// <summary>Iterations of one round: the RL ones, then one supervised.</summary>
    public int RoundLength => RlIterations + 1;

    /// <summary>The round of an iteration (0-based).</summary>
    public int RoundOf(int iteration) => iteration / RoundLength;

    /// <summary>True for a round's last iteration, the supervised one.</summary>
    public bool IsSupervised(int iteration) => iteration % RoundLength == RlIterations;

    /// <summary>True for a round's first iteration (a fresh value head and head optimiser, as Algorithm 1's line 4).</summary>
    public bool StartsRound(int iteration) => iteration % RoundLength == 0;
}
