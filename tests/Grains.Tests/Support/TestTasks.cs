using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>Tasks for grain tests: MetaWorld reach with goal radii that make a near-random policy succeed sometimes, or never.</summary>
internal static class TestTasks
{
    /// <summary>Reach with a 25 cm goal radius: goals near that distance are reached by a jittering hand in some episodes only.</summary>
    public static readonly TaskSpec WideReach = Reach("wide-reach", 0.25);

    /// <summary>Reach with a 20 cm goal radius: a second task of the same robot for multitask runs, harder than <see cref="WideReach"/>.</summary>
    public static readonly TaskSpec MediumReach = Reach("medium-reach", 0.20);

    /// <summary>Reach with a zero radius: every episode fails, so every group is all-equal.</summary>
    public static readonly TaskSpec ImpossibleReach = Reach("impossible-reach", 0.0);

    private static TaskSpec Reach(string name, double radius) =>
        TaskRegistry.Get("metaworld-mini/reach") with
        {
            Suite = "test",
            Name = name,
            Horizon = 60,
            Goal = new Near($"site:{SawyerHand.TcpSite}", "goal", radius),
        };

    public static TaskSpec Get(string id) =>
        id == WideReach.Id ? WideReach : id == MediumReach.Id ? MediumReach : id == ImpossibleReach.Id ? ImpossibleReach : TaskRegistry.Get(id);
}
