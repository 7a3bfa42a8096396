using System.Globalization;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>
/// A tiny real policy for grain tests: μ = W·state + b repeated over the chunk, Laplace(μ, <see cref="Scale"/>) sampling,
/// log-prob summed over the chunk. Enough to exercise sampling, scoring and versioned weights without the VLA families.
/// </summary>
public sealed class LinearLaplacePolicy : IPolicy
{
    public const double Scale = 0.5;
    private readonly Nn.Linear _head;

    public LinearLaplacePolicy(int stateDim, int actionDim, int executeSteps = 4, ulong seed = 1)
    {
        Config = new PolicyConfig(PolicyKind.Regression, stateDim, actionDim, executeSteps, executeSteps, []);
        using var generator = new Generator(seed);
        _head = new Nn.Linear(stateDim, actionDim, generator: generator);
        using (Grad.Disabled())
            foreach (var p in _head.Parameters())
                p.MulInPlace(0.01);
    }

    public PolicyConfig Config { get; }
    public int ActionDim => Config.ActionDim;
    public int ExecuteSteps => Config.ExecuteSteps;

    private Tensor Mean(IEnumerable<float[]> states, int n)
    {
        var x = Tensor.FromArray(states.SelectMany(s => s).ToArray(), n, Config.StateDim);
        var mu = _head.Forward(x).Unsqueeze(1);
        return mu.Expand([n, ExecuteSteps, ActionDim]);
    }

    public IReadOnlyList<PolicyDecision> Act(IReadOnlyList<PolicyObservation> batch, ActMode mode, Generator generator)
    {
        using var scope = TensorScope.Open();
        using var _ = Grad.Disabled();
        var mu = Mean(batch.Select(o => o.State), batch.Count);
        var dist = new Distributions.Laplace(mu, Full(mu.Shape, Scale));
        var sampled = mode == ActMode.Sample ? dist.Sample(generator) : mu;
        var logProb = dist.LogProb(sampled).Sum([1, 2]).ToArray<float>();
        var values = sampled.Contiguous().ToArray<float>();
        var per = ExecuteSteps * ActionDim;
        return Enumerable.Range(0, batch.Count).Select(i =>
        {
            var chunk = values.AsSpan(i * per, per).ToArray();
            return new PolicyDecision(chunk.Select(v => Math.Clamp(v, -1f, 1f)).ToArray(), null, chunk, logProb[i]);
        }).ToList();
    }

    public Tensor LogProb(IReadOnlyList<ScoredDecision> decisions)
    {
        var mu = Mean(decisions.Select(d => d.Observation.State), decisions.Count);
        var sampled = Tensor.FromArray(decisions.SelectMany(d => d.Sampled!).ToArray(), decisions.Count, ExecuteSteps, ActionDim);
        return new Distributions.Laplace(mu, Full(mu.Shape, Scale)).LogProb(sampled).Sum([1, 2]);
    }

    public Tensor BcLoss(IReadOnlyList<DemoWindow> batch)
    {
        var mu = Mean(batch.Select(w => w.Observation.State), batch.Count);
        var target = Tensor.FromArray(batch.SelectMany(w => w.Actions.Take(ExecuteSteps * ActionDim)).ToArray(), batch.Count, ExecuteSteps, ActionDim);
        return Functional.L1Loss(mu, target);
    }

    public IEnumerable<Tensor> RlParameters() => _head.Parameters();
    public IEnumerable<Tensor> Parameters() => _head.Parameters();

    public byte[] ExportWeights(long version) =>
        _head.StateDictToBytes(new Dictionary<string, string> { ["version"] = version.ToString(CultureInfo.InvariantCulture) });

    public long ImportWeights(ReadOnlySpan<byte> weights) =>
        long.Parse(_head.LoadStateDictFromBytes(weights)["version"], CultureInfo.InvariantCulture);

    public void Train(bool on) => _head.Train(on);

    /// <summary>Called once the policy is disposed (tests count live replicas).</summary>
    public Action? Disposed { get; init; }

    public void Dispose()
    {
        _head.Dispose();
        Disposed?.Invoke();
    }
}
