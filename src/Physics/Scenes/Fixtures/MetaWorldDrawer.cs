using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// MetaWorld's drawer (spec B3 drawer-open): a case of five boards on a mocap body at the table surface, one drawer
/// on a slide joint along +y (range [−0.16, 0], damping 2) opening toward −y, and a handle bar in front of it.
/// </summary>
/// <remarks>
/// The case is a mocap body because its position is drawn per context and mocap_pos is part of the saved state.
/// Success compares two sites: <see cref="HandleSite"/> on the drawer (its centre of mass + (0, −0.16, 0), as MetaWorld
/// measures the handle) and <see cref="GoalSite"/> on the case at (0, −0.36, 0.09), the handle's place once the drawer
/// is pulled out by its full travel.
/// </remarks>
public sealed record MetaWorldDrawer(string Name) : IScenePart
{
    /// <summary>Drawer travel (m): the slide joint's range is [−Travel, 0].</summary>
    public const double Travel = 0.16;

    /// <summary>Handle bar position in the case frame with the drawer closed.</summary>
    public static readonly Vec3 HandleOffset = new(0, -0.20, 0.09);

    /// <summary>Where the handle must end up, in the case frame (MetaWorld: drawer pos + (0, −0.36, 0.09)).</summary>
    public static readonly Vec3 GoalOffset = new(0, -0.36, 0.09);

    private const double HalfX = 0.11, HalfY = 0.10, CaseHeight = 0.168, Wall = 0.008;

    public double OriginHeight => 0;
    public double Height => CaseHeight;
    public double Radius => 0.15;
    public bool IsFree => false;

    /// <summary>The sliding drawer's body.</summary>
    public string Drawer => $"{Name}_link";
    public string Joint => $"{Name}_slide";
    public string HandleSite => $"{Name}_handle";
    public string GoalSite => $"{Name}_goal";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var color = new Rgba(0.45, 0.3, 0.2);
        var front = new Rgba(0.6, 0.45, 0.3);
        var metal = new Rgba(0.7, 0.7, 0.72);
        var c = scene.World.Body(Name, position, Quat.FromYaw(yaw)).Mocap()
            .Box($"{Name}_back", new(HalfX, Wall / 2, CaseHeight / 2), new(0, HalfY - Wall / 2, CaseHeight / 2), rgba: color)
            .Box($"{Name}_left", new(Wall / 2, HalfY, CaseHeight / 2), new(-HalfX + Wall / 2, 0, CaseHeight / 2), rgba: color)
            .Box($"{Name}_right", new(Wall / 2, HalfY, CaseHeight / 2), new(HalfX - Wall / 2, 0, CaseHeight / 2), rgba: color)
            .Box($"{Name}_roof", new(HalfX, HalfY, Wall / 2), new(0, 0, CaseHeight - Wall / 2), rgba: color)
            .Box($"{Name}_floor", new(HalfX, HalfY, Wall / 2), new(0, 0, Wall / 2), rgba: color)
            .Site(GoalSite, GoalOffset, rgba: new Rgba(0.1, 0.8, 0.1, 0));
        // The drawer rides on its joint inside the case; case-drawer contacts would only fight the joint.
        scene.ExcludeContact(Name, Drawer);
        const double hx = 0.10, hy = 0.09, hz = 0.052, t = 0.006;
        var origin = new Vec3(0, -0.01, Wall + 0.004);
        var bar = HandleOffset - origin;
        var d = c.Body(Drawer, origin)
            // Mass centre placed as MetaWorld measures the handle: it is exactly centre of mass + (0, −0.16, 0).
            .Inertial(0.5, bar + new Vec3(0, 0.16, 0), new(0.002, 0.002, 0.002))
            .Slide(Joint, new(0, 1, 0), range: (-Travel, 0), damping: 2)
            .Box($"{Drawer}_bottom", new(hx, hy, t / 2), new(0, 0, t / 2), rgba: color)
            .Box($"{Drawer}_front", new(hx, t / 2, hz), new(0, -hy + t / 2, hz), rgba: front)
            .Box($"{Drawer}_rear", new(hx, t / 2, hz), new(0, hy - t / 2, hz), rgba: color)
            .Box($"{Drawer}_left", new(t / 2, hy, hz), new(-hx + t / 2, 0, hz), rgba: color)
            .Box($"{Drawer}_right", new(t / 2, hy, hz), new(hx - t / 2, 0, hz), rgba: color);
        // Handle: a horizontal bar (r 0.009, half-length 0.05) on two posts reaching forward from the front board.
        d.Capsule($"{Drawer}_handle_bar", 0.009, 0.05, bar, Quat.FromAxisAngle(new(0, 1, 0), Math.PI / 2), metal)
            .CapsuleFromTo($"{Drawer}_handle_post_l", 0.009, new(-0.05, -hy, bar.Z), new(-0.05, bar.Y, bar.Z), metal)
            .CapsuleFromTo($"{Drawer}_handle_post_r", 0.009, new(0.05, -hy, bar.Z), new(0.05, bar.Y, bar.Z), metal)
            .Site(HandleSite, bar, rgba: new Rgba(0.9, 0.2, 0.2, 0));
    }
}
