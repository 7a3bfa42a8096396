using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Abstractions;

/// <summary>One training run: holds the learning policy, assembles the batch D from accepted groups, updates and versions the weights.</summary>
public interface ILearnerGrain : IGrainWithStringKey
{
    /// <summary>Collects D at the current version through the scheduler, runs the update, publishes the next version.</summary>
    Task<IterationReport> RunIterationAsync(int iteration, CancellationToken ct);
}
