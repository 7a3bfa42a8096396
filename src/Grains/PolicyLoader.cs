using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains;

/// <summary>Builds a policy holding published weights under a config: the VLA families by default (tests bring a tiny policy).</summary>
public sealed class PolicyLoader(Func<PolicyConfig, byte[], IPolicy> load)
{
    public static readonly PolicyLoader Default = new((config, weights) => PolicyFactory.FromWeights(weights, config));

    public IPolicy Load(PolicyConfig config, byte[] weights) => load(config, weights);
}
