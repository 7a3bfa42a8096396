using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains;

/// <summary>What grains of one process share: the context set, compiled tasks, published weights and how to build a policy replica.</summary>
/// <param name="CreatePolicy">A fresh policy of the run's family and sizes (weights are imported per version).</param>
/// <param name="WorkerId">Names this process in results (e.g. "local", "worker-2").</param>
public sealed record GrainServices(ContextCatalog Contexts, TaskModelCache Tasks, WeightsStore Weights, Func<IPolicy> CreatePolicy, string WorkerId);
