using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>A policy double whose decision i has two parts (tokens) scoring θ[2i] and θ[2i + 1]: per-token PPO arithmetic by hand.</summary>
internal sealed class TwoPartLogProbPolicy : IPolicy
{
    private readonly Tensor _theta;

    public TwoPartLogProbPolicy(int decisions)
    {
        _theta = Tensor.FromArray(new float[2 * decisions], 2 * decisions).DetachFromScope();
        _theta.RequiresGrad_();
        Config = new PolicyConfig(PolicyKind.Tokenized, 1, 1, 1, 1, []);
    }

    public PolicyConfig Config { get; }
    public int ActionDim => 1;
    public int ExecuteSteps => 1;
    public float[] Theta => _theta.ToArray<float>();

    public Tensor PartLogProbs(IReadOnlyList<ScoredDecision> decisions) =>
        _theta.IndexSelect(0, Tensor.FromArray(decisions.SelectMany(d => new[] { 2 * (long)d.Observation.State[0], 2 * (long)d.Observation.State[0] + 1 }).ToArray(),
            2 * decisions.Count)).Reshape(decisions.Count, 2);

    public Tensor LogProb(IReadOnlyList<ScoredDecision> decisions) => PartLogProbs(decisions).Sum(1);

    public IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator) => throw new NotSupportedException();
    public Tensor BcLoss(IReadOnlyList<DemoWindow> batch) => throw new NotSupportedException();
    public IEnumerable<Tensor> RlParameters() => [_theta];
    public IEnumerable<Tensor> Parameters() => [_theta];
    public byte[] ExportWeights(long version) => throw new NotSupportedException();
    public long ImportWeights(ReadOnlySpan<byte> weights) => throw new NotSupportedException();
    public void Train(bool on) { }
    public void Dispose() => _theta.Dispose();
}
