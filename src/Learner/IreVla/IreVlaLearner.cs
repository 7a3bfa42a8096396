using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Learner.Sft;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Randomness;
using Serilog;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// The state of one iRe-VLA run between iterations, around <see cref="IreVlaUpdate"/>: the round's value head and its
/// optimiser (fresh when a round starts), D_RL, and D_e. Iteration i of a round of RlIterations + 1 is an RL iteration
/// (stage 1) or, last, the supervised one (stage 2). Every random draw derives from (run seed, iteration), so a run
/// resumed from any iteration's checkpoint continues exactly as the uninterrupted run.
/// </summary>
public sealed class IreVlaLearner(IPolicy policy, IreVlaOptions options, long seed, DemoDataset? demos, OnlineDataset online) : IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<IreVlaLearner>();

    private ValueHead? _critic;
    private Optim.AdamW? _optimizer;

    public IreVlaOptions Options { get; } = options;
    public OnlineDataset Online { get; } = online;
    public DemoDataset? Demos { get; } = demos;

    /// <summary>Where D_e was read from and how many demos per task (recorded in the run's checkpoints, so a resume reads the same).</summary>
    public string? DemoDirectory { get; init; }
    public int DemosPerTask { get; init; }

    /// <summary>The value head of the round in progress (null between rounds).</summary>
    public ValueHead? Critic => _critic;

    /// <summary>Stage 1 on one RL iteration's rollouts; the successes join D_RL and come back as <c>Added</c>.</summary>
    public (RiptMetricsLine Metrics, IReadOnlyList<IreVlaTrajectory> Added) Reinforce(int iteration, IReadOnlyList<IreVlaTrajectory> rollouts, RiptMetricsLine metrics)
    {
        if (_critic is null || Options.StartsRound(iteration)) StartRound(iteration);
        var updated = IreVlaUpdate.ReinforceHead(policy, _critic!, _optimizer!, rollouts, Options, new Random(Seeds.UpdateShuffle(seed, iteration)), metrics);
        var added = Online.AddSuccesses(rollouts);
        return (updated with { OnlineAdded = added.Count, OnlineTrajectories = Online.Trajectories.Count }, added);
    }

    /// <summary>Stage 2 on D_e ∪ D_RL; the round ends (its value head is dropped).</summary>
    public RiptMetricsLine Supervise(int iteration, RiptMetricsLine metrics)
    {
        EndRound();
        // Dropout draws from libtorch's global generator: seed it per iteration, so a resumed run draws the same masks.
        Torch.Torch.ManualSeed((ulong)Seeds.Mix(seed, iteration, 0x736c));
        var mix = new SupervisedMix(Options.DemoReplay ? Demos : null, Online.Windows(policy.Config), Online.Steps);
        if (mix.IsEmpty)
            Logger.Warning("iRe-VLA iteration {Iteration}: no demos replayed and no success yet, stage 2 has nothing to learn from", iteration);
        var updated = IreVlaUpdate.Supervise(policy, mix, Options, new Random(Seeds.UpdateShuffle(seed, iteration)), metrics);
        return updated with { OnlineAdded = 0, OnlineTrajectories = Online.Trajectories.Count };
    }

    private void StartRound(int iteration)
    {
        EndRound();
        var round = Options.RoundOf(iteration);
        _critic = IreVlaUpdate.CreateValueHead((IFrozenBackbone)policy, Options, (ulong)Seeds.Mix(seed, round, 0x7631));
        _optimizer = IreVlaUpdate.CreateRlOptimizer((IFrozenBackbone)policy, _critic, Options);
    }

    private void EndRound()
    {
        _optimizer?.Dispose();
        _critic?.Dispose();
        (_optimizer, _critic) = (null, null);
    }

    /// <summary>The round's value head and optimiser state (a checkpoint's optimizer file), or null between rounds.</summary>
    public byte[]? StateToBytes()
    {
        if (_critic is null || _optimizer is null) return null;
        var file = new SafeTensorsFile();
        var critic = _critic.StateDictToBytes();
        file.Tensors["critic"] = SafeTensor.From(critic, critic.Length);
        var optimizer = _optimizer.StateToBytes();
        file.Tensors["optimizer"] = SafeTensor.From(optimizer, optimizer.Length);
        file.Metadata["format"] = StateFormat;
        return file.Serialize();
    }

    public const string StateFormat = "riptorleans.ire-vla-state/1";

    /// <summary>Restores the value head and optimiser of the round that <paramref name="iteration"/> continues (a resumed run).</summary>
    public void LoadState(byte[] bytes, int iteration)
    {
        var file = SafeTensorsFile.Deserialize(bytes, "iRe-VLA state");
        if (!file.Metadata.TryGetValue("format", out var format) || format != StateFormat)
            throw new InvalidDataException($"the checkpoint's optimizer file is not iRe-VLA state (format '{format ?? "missing"}', expected '{StateFormat}'): was it written by --algorithm ript?");
        StartRound(iteration);
        _critic!.LoadStateDictFromBytes(file["critic"].ToBytes());
        _optimizer!.LoadStateFromBytes(file["optimizer"].ToBytes());
    }

    public void Dispose() => EndRound();
}
