using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>A policy double whose log-prob of a decision is a free parameter θ[i], i = the decision's State[0]: PPO arithmetic by hand.</summary>
internal sealed class FreeLogProbPolicy : IPolicy
{
    private readonly Tensor _theta;

    public FreeLogProbPolicy(float[] theta)
    {
        _theta = Tensor.FromArray(theta, theta.Length).DetachFromScope();
        _theta.RequiresGrad_();
        Config = new PolicyConfig(PolicyKind.Regression, 1, 1, 1, 1, []);
    }

    public PolicyConfig Config { get; }
    public int ActionDim => 1;
    public int ExecuteSteps => 1;

    public float[] Theta => _theta.ToArray<float>();

    public Tensor LogProb(IReadOnlyList<ScoredDecision> decisions) =>
        _theta.IndexSelect(0, Tensor.FromArray(decisions.Select(d => (long)d.Observation.State[0]).ToArray(), decisions.Count));

    public IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator) =>
        throw new NotSupportedException("the PPO arithmetic tests never act");

    public Tensor BcLoss(IReadOnlyList<DemoWindow> batch) => throw new NotSupportedException("the PPO arithmetic tests never imitate");
    public IEnumerable<Tensor> RlParameters() => [_theta];
    public IEnumerable<Tensor> Parameters() => [_theta];
    public byte[] ExportWeights(long version) => throw new NotSupportedException();
    public long ImportWeights(ReadOnlySpan<byte> weights) => throw new NotSupportedException();
    public void Train(bool on) { }
    public void Dispose() => _theta.Dispose();

    /// <summary>A decision that scores as θ[index].</summary>
    public static ScoredDecision Decision(int index) => new(new PolicyObservation([index], null, "test"), null, [0f]);
}
