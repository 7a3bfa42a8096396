using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Predicates;

namespace RiptOrleans.Grains.Tests.Support;

/// <summary>Tasks for grain tests: MetaWorld reach with goal radii that make a near-random policy succeed sometimes, or never.</summary>
internal static class TestTasks
{
    /// <summary>Reach with a 25 cm goal radius: goals near that distance are reached by a jittering hand in some episodes only.</summary>
    public static readonly TaskSpec WideReach = Reach("wide-reach", 0.25, 60);

    /// <summary>A narrower reach with a long horizon: most episodes run long, so a killed silo is caught in the middle of groups.</summary>
    public static readonly TaskSpec SlowWideReach = Reach("slow-wide-reach", 0.15, 300);

    /// <summary>Reach with a 20 cm goal radius: a second task of the same robot for multitask runs, harder than <see cref="WideReach"/>.</summary>
    public static readonly TaskSpec MediumReach = Reach("medium-reach", 0.20, 60);

    /// <summary>Reach with a zero radius: every episode fails, so every group is all-equal.</summary>
    public static readonly TaskSpec ImpossibleReach = Reach("impossible-reach", 0.0, 60);

    /// <summary>Reach with a 10 m radius: every episode succeeds, so every group is all-success.</summary>
    public static readonly TaskSpec TrivialReach = Reach("trivial-reach", 10.0, 60);

    /// <summary>Impossible reach with a long horizon: a group that runs for a while (state reads during a run, cancellation).</summary>
    public static readonly TaskSpec LongReach = Reach("long-reach", 0.0, 2000);

    /// <summary>Reach with a 10 cm goal radius and a 60-step horizon: cheap episodes, on some contexts of which a briefly trained reach policy succeeds only sometimes.</summary>
    public static readonly TaskSpec QuickReach = Reach("quick-reach", 0.10, 60);

    private static TaskSpec Reach(string name, double radius, int horizon) =>
        TaskRegistry.Get("metaworld-mini/reach") with
        {
            Suite = "test",
            Name = name,
            Horizon = horizon,
            Goal = new Near($"site:{SawyerHand.TcpSite}", "goal", radius),
        };

    public static TaskSpec Get(string id) =>
        new[] { WideReach, SlowWideReach, MediumReach, ImpossibleReach, TrivialReach, LongReach, QuickReach }.FirstOrDefault(t => t.Id == id) ?? TaskRegistry.Get(id);
}
