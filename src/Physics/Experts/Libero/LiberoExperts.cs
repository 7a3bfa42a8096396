using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>Expert factories for the libero-mini tasks: each composes skills into one waypoint plan with ids resolved once per env.</summary>
public static class LiberoExperts
{
    public static Func<TaskModel, IExpert> OpenDrawer(Cabinet cabinet, double yaw, string level) =>
        t => new WaypointExpert(t, [.. DrawerSkills.Pull(new DrawerProbe(t.Model, cabinet, level, yaw))]);

    public static Func<TaskModel, IExpert> CloseDrawer(Cabinet cabinet, double yaw, string level) =>
        t => new WaypointExpert(t, [.. DrawerSkills.Push(new DrawerProbe(t.Model, cabinet, level, yaw))]);
}
