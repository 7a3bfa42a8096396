using RiptOrleans.Learner.Checkpoints;
using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>Builds a policy of either family: fresh from a config and input statistics, or from exported weights (a checkpoint).</summary>
public static class PolicyFactory
{
    /// <summary>A fresh, untrained policy of config.Kind; seeded initialisation when a generator is given.</summary>
    public static IPolicy Create(PolicyConfig config, InputStatistics inputs, Generator? generator = null) => config.Kind switch
    {
        PolicyKind.Tokenized => new TokenizedPolicy(config, inputs, generator),
        PolicyKind.Regression => new RegressionPolicy(config, inputs, generator),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Kind, "unknown policy kind"),
    };

    /// <summary>
    /// A policy holding these weights (from <see cref="IPolicy.ExportWeights"/>): the vocabulary comes from the weights,
    /// the architecture from config (the weights' own config when null). Sampling knobs of config win.
    /// </summary>
    public static IPolicy FromWeights(ReadOnlySpan<byte> weights, PolicyConfig? config = null)
    {
        var meta = PolicyWeights.ReadMetadata(weights);
        var tokenizer = WordTokenizer.FromJson(meta["vocabulary"]);
        var cfg = config ?? PolicyConfigJson.Deserialize(meta["config"]);
        var policy = Create(cfg, InputStatistics.Identity(tokenizer, cfg.StateDim));
        try
        {
            policy.ImportWeights(weights);
            return policy;
        }
        catch
        {
            policy.Dispose();
            throw;
        }
    }

    /// <summary>The policy of a checkpoint directory (its weights and config), in inference mode.</summary>
    public static IPolicy FromCheckpoint(string directory, PolicyConfig? expected = null)
    {
        var checkpoint = Checkpoint.Load(directory, expected);
        var policy = FromWeights(checkpoint.Weights, checkpoint.Policy);
        policy.Train(false);
        return policy;
    }
}
