using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Physics.Experts.MetaWorld;

/// <summary>
/// MetaWorld's drawer-open policy for one task model (spec B4): above the handle bar, down so the open claws straddle
/// it, then pull toward −y with a high gain so the rear claw hooks the bar and drags the drawer out.
/// </summary>
public sealed class DrawerOpenExpert(TaskModel task, string drawer = "drawer") : SawyerExpert(task)
{
    private readonly int _handle = task.Model.SiteId(new MetaWorldDrawer(drawer).HandleSite);

    protected override (Vec3 Target, double Gain, double Grab) Choose(MjData data, Vec3 tcp)
    {
        // tcp 1 cm below the bar: the pads reach 3 cm below it while the palm stays 6 cm above.
        var hook = Site(data, _handle) + new Vec3(0, 0, -0.01);
        var offXy = DistanceXy(tcp, hook);
        // Align tightly above the bar before descending (the handle posts leave 2.6 cm beside the pads); once down, a
        // pulling hand leads the bar by ~4 cm, so the looser 6 cm keeps it in the pull phase.
        if (offXy > 0.06 || (offXy > 0.012 && tcp.Z > hook.Z + 0.02))
            return (hook + new Vec3(0, 0, 0.12), 10, -1);
        if (Math.Abs(tcp.Z - hook.Z) > 0.02)
            return (hook, 10, -1);
        // MetaWorld's high pulling gain: the mocap target runs ahead at the 1 cm/step limit and the weld drags the drawer.
        return (hook + new Vec3(0, -0.06, 0), 50, -1);
    }
}
