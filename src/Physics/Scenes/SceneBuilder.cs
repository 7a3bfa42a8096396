using System.Xml.Linq;
using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes;

/// <summary>One MJCF model being assembled in C# from primitives: options, worldbody, actuators, keyframes.</summary>
/// <remarks>Scenes are our own: every robot, fixture and object is written here from published dimensions.</remarks>
public sealed class SceneBuilder
{
    private readonly XElement _root;
    private readonly XElement _option;
    private readonly XElement _actuators = new("actuator");
    private readonly XElement _contact = new("contact");
    private readonly XElement _equality = new("equality");
    private readonly XElement _keyframes = new("keyframe");

    /// <param name="timestep">Physics step in seconds (LIBERO/robosuite: 0.002 s, i.e. 500 Hz).</param>
    public SceneBuilder(string modelName, double timestep = 0.002)
    {
        _option = new XElement("option").Set("timestep", timestep).Set("cone", "elliptic").Set("impratio", 20)
            .Set("integrator", "Euler");
        _root = new XElement("mujoco").Set("model", modelName);
        _root.Add(
            new XElement("compiler").Set("angle", "radian").Set("autolimits", true).Set("inertiafromgeom", "auto")
                .Set("inertiagrouprange", new[] { 0.0, 0.0 }),
            _option,
            new XElement("size").Set("njmax", 800).Set("nconmax", 300),
            new XElement("visual",
                new XElement("global").Set("offwidth", 640).Set("offheight", 480),
                new XElement("quality").Set("shadowsize", 0),
                new XElement("headlight").Set("ambient", new[] { 0.35, 0.35, 0.35 }).Set("diffuse", new[] { 0.5, 0.5, 0.5 })));
        var world = new XElement("worldbody");
        _root.Add(world);
        World = new MjcfBody(world);
    }

    /// <summary>The static world: floor, table, fixtures' bases, cameras and root bodies.</summary>
    public MjcfBody World { get; }

    /// <summary>Sets a top-level &lt;option&gt; attribute (e.g. "gravity", "noslip_iterations").</summary>
    public SceneBuilder Option(string name, object value)
    {
        _option.Set(name, value);
        return this;
    }

    /// <summary>A torque motor on a joint; ctrl is the torque, clipped to ±<paramref name="limit"/>.</summary>
    public SceneBuilder Motor(string name, string joint, double limit, double gear = 1)
    {
        _actuators.Add(new XElement("motor").Set("name", name).Set("joint", joint).Set("gear", gear)
            .Set("ctrllimited", true).Set("ctrlrange", new[] { -limit, limit }));
        return this;
    }

    /// <summary>A position servo on a joint: force = kp (ctrl − q), limited to ±<paramref name="forceLimit"/>.</summary>
    public SceneBuilder Position(string name, string joint, double kp, (double Lo, double Hi) ctrlRange, double? forceLimit = null)
    {
        var e = new XElement("position").Set("name", name).Set("joint", joint).Set("kp", kp)
            .Set("ctrllimited", true).Set("ctrlrange", new[] { ctrlRange.Lo, ctrlRange.Hi });
        if (forceLimit is { } f) e.Set("forcelimited", true).Set("forcerange", new[] { -f, f });
        _actuators.Add(e);
        return this;
    }

    /// <summary>Excludes contacts between two bodies (e.g. adjacent fingers).</summary>
    public SceneBuilder ExcludeContact(string body1, string body2)
    {
        _contact.Add(new XElement("exclude").Set("body1", body1).Set("body2", body2));
        return this;
    }

    /// <summary>Welds a body to a mocap body (MetaWorld's hand follows its mocap target this way).</summary>
    public SceneBuilder Weld(string body1, string body2, double[]? solref = null)
    {
        _equality.Add(new XElement("weld").Set("body1", body1).Set("body2", body2).Set("solref", solref));
        return this;
    }

    /// <summary>A named keyframe: a full qpos (nq) and optionally the controls (nu) to hold it.</summary>
    public SceneBuilder Keyframe(string name, double[] qpos, double[]? ctrl = null)
    {
        _keyframes.Add(new XElement("key").Set("name", name).Set("qpos", qpos).Set("ctrl", ctrl));
        return this;
    }

    /// <summary>The MJCF document; empty sections are left out.</summary>
    public string ToXml()
    {
        var doc = new XElement(_root);
        foreach (var section in new[] { _contact, _equality, _actuators, _keyframes })
            if (section.HasElements)
                doc.Add(new XElement(section));
        return doc.ToString();
    }

    public override string ToString() => ToXml();
}
