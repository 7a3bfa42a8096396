using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// A rigid fixture made of boxes and named sites, on a mocap body so its position can be drawn per context (MetaWorld's
/// walls, shelves, bins, hoops and goals, whose collision geometry is already boxes: rebuilt by value, spec B3).
/// </summary>
/// <param name="Boxes">Each box's half extents, centre (body frame) and colour.</param>
/// <param name="Sites">Named points of the body frame (goals, hand targets), prefixed with the prop's name.</param>
public sealed record Prop(string Name, double Height, double Radius, IReadOnlyList<Prop.Piece> Boxes, IReadOnlyList<(string Name, Vec3 Pos)>? Sites = null)
    : IScenePart
{
    /// <summary>One box: half extents, centre, colour, and an optional turn about the body's z axis, then about its x axis.</summary>
    public sealed record Piece(Vec3 Half, Vec3 Pos, Rgba Color, double TiltX = 0, double Yaw = 0)
    {
        public Quat? Rotation => TiltX == 0 && Yaw == 0 ? null : Quat.FromYaw(Yaw) * Quat.FromAxisAngle(new Vec3(1, 0, 0), TiltX);
    }

    public double OriginHeight => 0;
    public bool IsFree => false;

    public string Site(string name) => $"{Name}_{name}";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var body = scene.World.Body(Name, position, Quat.FromYaw(yaw)).Mocap();
        for (var i = 0; i < Boxes.Count; i++)
        {
            var b = Boxes[i];
            body.Box($"{Name}_box{i}", b.Half, b.Pos, b.Rotation, b.Color);
        }
        foreach (var (name, pos) in Sites ?? [])
            body.Site(Site(name), pos);
    }
}
