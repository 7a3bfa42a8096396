using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// LIBERO's microwave: a 0.345 x 0.263 m box, origin at the bottom centre, its door on the local −y face hinged
/// about z at (−0.1725, −0.088) (range [−2.094, 0], damping 0.5; open q &lt; −1.3, closed q &gt; −0.005), the
/// control panel on the right of the door, the <c>heating_region</c> inside at (0, 0.01, 0.096) half
/// (0.12, 0.0835, 0.08) and <c>top_side</c> on the roof (spec A6.2).
/// </summary>
/// <remarks>
/// The door is 2.4 cm thick and its inner face closes on the cavity's front edge at y = −0.088; a bar handle stands out
/// of its front near the free edge. The box is 0.24 m tall rather than 0.189 (the cavity 0.22 high, the door with it):
/// a mug goes in held by its rim from above, with one finger inside it, and that finger has to rise over the rim before
/// the hand can back out; under LIBERO's 0.17 m cavity roof the Panda's palm, 9 cm over the fingertips, leaves it no
/// room. The regions keep LIBERO's offsets (top_side sits on the taller roof).
/// </remarks>
public sealed record Microwave(string Name, Rgba Color) : IScenePart
{
    public static readonly Vec3 HeatingRegionHalfSize = new(0.12, 0.0835, 0.08);
    public static readonly Vec3 HeatingRegionOffset = new(0, 0.01, 0.096);
    public static readonly Vec3 TopSideHalfSize = new(0.12, 0.0835, 0.005);

    /// <summary>The hinge axis in the microwave frame; the door's panel runs from it along local +x.</summary>
    public static readonly Vec3 HingeOffset = new(-0.1725, -0.088, Height / 2);

    public const double DoorWidth = 0.259, DoorHalfThickness = 0.012, DoorHalfHeight = Height / 2 - 0.0025;

    /// <summary>Distance of the handle bar from the hinge along the door, and how far it stands out of the door's front.</summary>
    public const double HandleAlong = 0.225, HandleOut = 0.03;

    public const double Height = 0.24;

    private const double HalfX = 0.1725, Back = 0.1315, Wall = 0.01;

    public double OriginHeight => 0;
    double IScenePart.Height => Height;
    public double Radius => 0.22;
    public bool IsFree => false;

    public string Door => $"{Name}_door";
    public string DoorJoint => $"{Name}_microjoint";
    public string HeatingRegion => $"{Name}_heating_region";
    public string TopSide => $"{Name}_top_side";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var front = HingeOffset.Y;
        var depth = Back - front;
        var cavityRight = HingeOffset.X + DoorWidth;
        var panel = new Rgba(0.15, 0.15, 0.16);
        var m = scene.World.Body(Name, position, Quat.FromYaw(yaw))
            .Box($"{Name}_bottom", new(HalfX, depth / 2, Wall / 2), new(0, (front + Back) / 2, Wall / 2), rgba: Color)
            .Box($"{Name}_roof", new(HalfX, depth / 2, Wall / 2), new(0, (front + Back) / 2, Height - Wall / 2), rgba: Color)
            .Box($"{Name}_back", new(HalfX, Wall / 2, Height / 2 - Wall), new(0, Back - Wall / 2, Height / 2), rgba: Color)
            .Box($"{Name}_left", new(Wall / 2, depth / 2 - Wall / 2, Height / 2 - Wall), new(-HalfX + Wall / 2, (front + Back - Wall) / 2, Height / 2), rgba: Color)
            // The control panel right of the cavity, its face flush with the closed door's front.
            .Box($"{Name}_panel", new((HalfX - cavityRight) / 2, (Back - front + 2 * DoorHalfThickness) / 2 - Wall / 2, Height / 2 - Wall),
                new((HalfX + cavityRight) / 2, (front - 2 * DoorHalfThickness + Back - Wall) / 2, Height / 2), rgba: panel)
            .Site(HeatingRegion, HeatingRegionOffset, halfSize: HeatingRegionHalfSize)
            .Site(TopSide, new(0, 0.01, Height + TopSideHalfSize.Z), halfSize: TopSideHalfSize);
        var metal = new Rgba(0.75, 0.75, 0.78);
        m.Body(Door, HingeOffset)
            .Inertial(0.6, new(DoorWidth / 2, -DoorHalfThickness, 0), new(0.004, 0.005, 0.002))
            .Hinge(DoorJoint, Vec3.UnitZ, range: (-2.094, 0), damping: 0.5)
            .Box($"{Door}_panel", new(DoorWidth / 2, DoorHalfThickness, DoorHalfHeight), new(DoorWidth / 2, -DoorHalfThickness, 0), rgba: Color)
            // The window: a dark pane on the door's front, only seen.
            .Box(null, new(DoorWidth * 0.33, 0.001, DoorHalfHeight * 0.65), new(DoorWidth * 0.42, -2 * DoorHalfThickness - 0.001, 0),
                rgba: new Rgba(0.1, 0.1, 0.12), collides: false)
            .CapsuleFromTo($"{Door}_handle", 0.008, new(HandleAlong, -2 * DoorHalfThickness - HandleOut, -0.05),
                new(HandleAlong, -2 * DoorHalfThickness - HandleOut, 0.05), metal)
            .CapsuleFromTo(null, 0.006, new(HandleAlong, -2 * DoorHalfThickness, 0.045), new(HandleAlong, -2 * DoorHalfThickness - HandleOut, 0.045), metal)
            .CapsuleFromTo(null, 0.006, new(HandleAlong, -2 * DoorHalfThickness, -0.045), new(HandleAlong, -2 * DoorHalfThickness - HandleOut, -0.045), metal);
        scene.ExcludeContact(Name, Door);
    }
}
