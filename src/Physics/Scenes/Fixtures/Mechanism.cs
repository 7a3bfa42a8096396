using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes.Fixtures;

/// <summary>
/// A fixture with one moving part: a rigid base on a mocap body (its position drawn per context) and a child body on its
/// own joints (a door's hinge, a button's or a window's slide, a plate's two slides), both built from primitive shapes,
/// with named sites on either. MetaWorld's articulated objects are of this kind, their collision geometry primitives
/// already (spec B3); <see cref="MetaWorldFixtures"/> builds them by value.
/// </summary>
public sealed record Mechanism(string Name, double Height, double Radius, IReadOnlyList<Mechanism.Shape> Base, Mechanism.Link Part,
    IReadOnlyList<(string Name, Vec3 Pos)>? BaseSites = null, Quat? BaseRotation = null) : IScenePart
{
    public enum ShapeKind { Box, Cylinder, Capsule, Sphere }

    /// <summary>One primitive: for a box its half extents, for a cylinder or capsule (radius, half length, −) along its local z, for a sphere (radius, −, −).</summary>
    public sealed record Shape(ShapeKind Kind, Vec3 Size, Vec3 Pos, Rgba Color, Quat? Rotation = null, bool Collides = true);

    /// <summary>A joint of the moving part: hinge or slide, its axis and range in the part's frame, damping, an optional spring and dry friction.</summary>
    public sealed record Joint(string Name, bool Hinge, Vec3 Axis, (double Lo, double Hi) Range, double Damping = 1, double? Stiffness = null,
        double? SpringRef = null, double FrictionLoss = 0);

    /// <summary>The moving part: its frame in the base's, its joints, shapes (its mass from their volume at <see cref="Density"/>) and sites.</summary>
    public sealed record Link(string Name, Vec3 Pos, IReadOnlyList<Joint> Joints, IReadOnlyList<Shape> Shapes,
        IReadOnlyList<(string Name, Vec3 Pos)>? Sites = null, double Density = 500);

    public double OriginHeight => 0;
    public bool IsFree => false;

    public string Site(string name) => $"{Name}_{name}";

    public string JointName(string joint) => $"{Name}_{joint}";

    public string PartBody => $"{Name}_{Part.Name}";

    public void Build(SceneBuilder scene, Vec3 position, double yaw)
    {
        var rotation = BaseRotation is { } r ? Quat.FromYaw(yaw) * r : Quat.FromYaw(yaw);
        var body = scene.World.Body(Name, position, rotation).Mocap();
        Add(body, Name, Base, null);
        foreach (var (name, pos) in BaseSites ?? [])
            body.Site(Site(name), pos);
        var part = body.Body(PartBody, Part.Pos);
        foreach (var j in Part.Joints)
        {
            if (j.Hinge)
                part.Hinge(JointName(j.Name), j.Axis, range: j.Range, damping: j.Damping, frictionLoss: j.FrictionLoss, stiffness: j.Stiffness,
                    springRef: j.SpringRef);
            else
                part.Slide(JointName(j.Name), j.Axis, range: j.Range, damping: j.Damping, frictionLoss: j.FrictionLoss, stiffness: j.Stiffness,
                    springRef: j.SpringRef);
        }
        Add(part, PartBody, Part.Shapes, Part.Density);
        foreach (var (name, pos) in Part.Sites ?? [])
            part.Site(Site(name), pos);
        // The part rides on its joints inside the base: contacts between them would only fight the joints.
        scene.ExcludeContact(Name, PartBody);
    }

    private static void Add(MjcfBody body, string prefix, IReadOnlyList<Shape> shapes, double? density)
    {
        for (var i = 0; i < shapes.Count; i++)
        {
            var s = shapes[i];
            var name = s.Collides ? $"{prefix}_geom{i}" : null;
            _ = s.Kind switch
            {
                ShapeKind.Box => body.Box(name, s.Size, s.Pos, s.Rotation, s.Color, collides: s.Collides, density: s.Collides ? density : null),
                ShapeKind.Cylinder => body.Cylinder(name, s.Size.X, s.Size.Y, s.Pos, s.Rotation, s.Color, collides: s.Collides, density: s.Collides ? density : null),
                ShapeKind.Capsule => body.Capsule(name, s.Size.X, s.Size.Y, s.Pos, s.Rotation, s.Color, collides: s.Collides, density: s.Collides ? density : null),
                _ => body.Sphere(name, s.Size.X, s.Pos, s.Color, collides: s.Collides, density: s.Collides ? density : null),
            };
        }
    }
}
