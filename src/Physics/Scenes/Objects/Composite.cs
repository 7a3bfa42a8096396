using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Scenes.Objects;

/// <summary>
/// A loose object built from several primitives with named sites (MetaWorld's hammer, mug, nut, peg and plug, whose
/// collision geometry is primitives already: rebuilt by value, spec B3); its mass comes from the shapes at <see cref="Density"/>.
/// </summary>
public sealed record Composite(string Name, double OriginHeight, double Height, double Radius, IReadOnlyList<Mechanism.Shape> Shapes,
    IReadOnlyList<(string Name, Vec3 Pos)>? Sites = null, double Density = 1000, Surface? Contact = null) : IScenePart
{
    public bool IsFree => true;

    public string Site(string name) => $"{Name}_{name}";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var body = scene.World.Body(Name, position, Quat.FromYaw(yaw)).FreeJoint(ContextSampler.FreeJointName(Name));
        for (var i = 0; i < Shapes.Count; i++)
        {
            var s = Shapes[i];
            var name = $"{Name}_geom{i}";
            _ = s.Kind switch
            {
                Mechanism.ShapeKind.Box => body.Box(name, s.Size, s.Pos, s.Rotation, s.Color, Contact, density: Density),
                Mechanism.ShapeKind.Cylinder => body.Cylinder(name, s.Size.X, s.Size.Y, s.Pos, s.Rotation, s.Color, Contact, density: Density),
                Mechanism.ShapeKind.Capsule => body.Capsule(name, s.Size.X, s.Size.Y, s.Pos, s.Rotation, s.Color, Contact, density: Density),
                _ => body.Sphere(name, s.Size.X, s.Pos, s.Color, Contact, density: Density),
            };
        }
        foreach (var (site, pos) in Sites ?? [])
            body.Site(Site(site), pos);
    }
}
