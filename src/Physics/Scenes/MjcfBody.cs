using System.Xml.Linq;
using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes;

/// <summary>One MJCF &lt;body&gt; (or the worldbody) being built: geoms, joints, sites, cameras and child bodies.</summary>
public sealed class MjcfBody
{
    /// <summary>Geom group of purely visual geoms (no collisions), as robosuite uses group 1.</summary>
    public const int VisualGroup = 1;

    public MjcfBody(XElement element) => Element = element;

    public XElement Element { get; }

    public string? Name => (string?)Element.Attribute("name");

    /// <summary>Adds a child body and returns it, so chains (robot links) read top to bottom.</summary>
    public MjcfBody Body(string name, Vec3 pos, Quat? quat = null)
    {
        var e = new XElement("body").Set("name", name).Set("pos", pos).Set("quat", quat);
        Element.Add(e);
        return new MjcfBody(e);
    }

    public MjcfBody Box(string? name, Vec3 halfSize, Vec3 pos, Quat? quat = null, Rgba? rgba = null, Surface? surface = null,
        bool collides = true, double? density = null, double? mass = null) =>
        Geom("box", name, [halfSize.X, halfSize.Y, halfSize.Z], pos, quat, rgba, surface, collides, density, mass);

    public MjcfBody Cylinder(string? name, double radius, double halfHeight, Vec3 pos, Quat? quat = null, Rgba? rgba = null,
        Surface? surface = null, bool collides = true, double? density = null, double? mass = null) =>
        Geom("cylinder", name, [radius, halfHeight], pos, quat, rgba, surface, collides, density, mass);

    public MjcfBody Capsule(string? name, double radius, double halfLength, Vec3 pos, Quat? quat = null, Rgba? rgba = null,
        Surface? surface = null, bool collides = true, double? density = null, double? mass = null) =>
        Geom("capsule", name, [radius, halfLength], pos, quat, rgba, surface, collides, density, mass);

    public MjcfBody Sphere(string? name, double radius, Vec3 pos, Rgba? rgba = null, Surface? surface = null,
        bool collides = true, double? density = null, double? mass = null) =>
        Geom("sphere", name, [radius], pos, null, rgba, surface, collides, density, mass);

    /// <summary>A capsule between two points of this body's frame (links, handles).</summary>
    public MjcfBody CapsuleFromTo(string? name, double radius, Vec3 from, Vec3 to, Rgba? rgba = null, bool collides = true)
    {
        var e = new XElement("geom").Set("name", name).Set("type", "capsule").Set("size", radius)
            .Set("fromto", new[] { from.X, from.Y, from.Z, to.X, to.Y, to.Z }).Set("rgba", rgba);
        if (!collides) MakeVisual(e);
        Element.Add(e);
        return this;
    }

    public MjcfBody Plane(string? name, double halfX, double halfY, Vec3 pos, Rgba? rgba = null)
    {
        Element.Add(new XElement("geom").Set("name", name).Set("type", "plane").Set("size", new[] { halfX, halfY, 0.05 })
            .Set("pos", pos).Set("rgba", rgba));
        return this;
    }

    private MjcfBody Geom(string type, string? name, double[]? size, Vec3 pos, Quat? quat, Rgba? rgba, Surface? surface,
        bool collides, double? density, double? mass)
    {
        var e = new XElement("geom").Set("name", name).Set("type", type).Set("size", size).Set("pos", pos).Set("quat", quat)
            .Set("rgba", rgba).Set("density", density).Set("mass", mass);
        surface?.ApplyTo(e);
        if (!collides) MakeVisual(e);
        Element.Add(e);
        return this;
    }

    private static void MakeVisual(XElement geom) =>
        geom.Set("contype", 0).Set("conaffinity", 0).Set("group", VisualGroup).Set("mass", 0).Set("density", 0);

    /// <summary>Explicit mass properties; geoms then no longer determine this body's inertia.</summary>
    public MjcfBody Inertial(double mass, Vec3 com, Vec3 diagInertia)
    {
        Element.Add(new XElement("inertial").Set("pos", com).Set("mass", mass).Set("diaginertia", diagInertia));
        return this;
    }

    public MjcfBody Hinge(string name, Vec3 axis, Vec3? pos = null, (double Lo, double Hi)? range = null, double damping = 0,
        double armature = 0, double frictionLoss = 0, double? stiffness = null, double? springRef = null)
    {
        Element.Add(Joint("hinge", name, axis, pos, range, damping, armature, frictionLoss, stiffness, springRef));
        return this;
    }

    public MjcfBody Slide(string name, Vec3 axis, Vec3? pos = null, (double Lo, double Hi)? range = null, double damping = 0,
        double armature = 0, double frictionLoss = 0, double? stiffness = null, double? springRef = null)
    {
        Element.Add(Joint("slide", name, axis, pos, range, damping, armature, frictionLoss, stiffness, springRef));
        return this;
    }

    private static XElement Joint(string type, string name, Vec3 axis, Vec3? pos, (double Lo, double Hi)? range, double damping,
        double armature, double frictionLoss, double? stiffness, double? springRef)
    {
        var e = new XElement("joint").Set("name", name).Set("type", type).Set("axis", axis).Set("pos", pos);
        if (range is { } r) e.Set("limited", true).Set("range", new[] { r.Lo, r.Hi });
        if (damping != 0) e.Set("damping", damping);
        if (armature != 0) e.Set("armature", armature);
        if (frictionLoss != 0) e.Set("frictionloss", frictionLoss);
        return e.Set("stiffness", stiffness).Set("springref", springRef);
    }

    /// <summary>Makes this body movable in all six degrees of freedom (a loose object).</summary>
    public MjcfBody FreeJoint(string name)
    {
        Element.Add(new XElement("freejoint").Set("name", name));
        return this;
    }

    /// <summary>A named reference frame; box sites give regions their half extents (goal and placement zones).</summary>
    public MjcfBody Site(string name, Vec3 pos, Quat? quat = null, Vec3? halfSize = null, Rgba? rgba = null)
    {
        var e = new XElement("site").Set("name", name).Set("pos", pos).Set("quat", quat);
        if (halfSize is { } h) e.Set("type", "box").Set("size", new[] { h.X, h.Y, h.Z });
        else e.Set("size", 0.005);
        e.Set("rgba", rgba ?? new Rgba(0, 0, 0, 0));
        Element.Add(e);
        return this;
    }

    public MjcfBody Camera(string name, Vec3 pos, Quat quat, double fovy)
    {
        Element.Add(new XElement("camera").Set("name", name).Set("pos", pos).Set("quat", quat).Set("fovy", fovy));
        return this;
    }

    /// <summary>A camera at <paramref name="pos"/> looking at <paramref name="target"/> with world z up in the image.</summary>
    public MjcfBody CameraLookAt(string name, Vec3 pos, Vec3 target, double fovy)
    {
        var forward = target - pos;
        forward /= forward.Norm;
        var x = forward.Cross(Vec3.UnitZ);
        x /= x.Norm;
        var y = x.Cross(forward);
        Element.Add(new XElement("camera").Set("name", name).Set("pos", pos)
            .Set("xyaxes", new[] { x.X, x.Y, x.Z, y.X, y.Y, y.Z }).Set("fovy", fovy));
        return this;
    }

    public MjcfBody Light(string name, Vec3 pos, Vec3 dir, bool directional = false, double diffuse = 0.7)
    {
        Element.Add(new XElement("light").Set("name", name).Set("pos", pos).Set("dir", dir).Set("directional", directional)
            .Set("diffuse", new[] { diffuse, diffuse, diffuse }).Set("castshadow", false));
        return this;
    }

    /// <summary>Marks this body as mocap: positioned by mocap_pos/quat, a kinematic driver (MetaWorld's hand).</summary>
    public MjcfBody Mocap()
    {
        Element.Set("mocap", true);
        return this;
    }
}
