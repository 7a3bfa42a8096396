using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tests.Tasks.Predicates;

/// <summary>A tiny hand-posed scene for predicate tests: a support box, a loose item, a fixture with a flat region, a drawer and a knob.</summary>
internal sealed class PredicateScene : IDisposable
{
    /// <summary>The fixture's region site: 0.075 x 0.075 x 0.0025 half extents, its centre 2.5 cm above the floor at x = 0.5.</summary>
    public static readonly Vec3 RegionHalf = new(0.075, 0.075, 0.0025);

    /// <summary>The drawer's interior site: LIBERO's drawer region half extents.</summary>
    public static readonly Vec3 InsideHalf = new(0.095, 0.07, 0.03);

    public static readonly Vec3 RegionCentre = new(0.5, 0, 0.025);

    /// <summary>Interior site centre with the drawer at q = 0.</summary>
    public static readonly Vec3 InsideCentre = new(-0.5, 0, 0.134);

    private const string Xml = """
        <mujoco model="predicates">
          <compiler autolimits="true"/>
          <worldbody>
            <geom name="floor" type="plane" size="2 2 0.1"/>
            <body name="support" pos="0 0 0.05"><freejoint name="support_joint"/><geom type="box" size="0.05 0.05 0.05"/></body>
            <body name="item" pos="0 0.5 0.02"><freejoint name="item_joint"/><geom type="box" size="0.02 0.02 0.02"/></body>
            <body name="fixture" pos="0.5 0 0">
              <geom type="box" size="0.1 0.1 0.01" pos="0 0 0.01"/>
              <site name="region" type="box" pos="0 0 0.025" size="0.075 0.075 0.0025"/>
            </body>
            <body name="cabinet" pos="-0.5 0 0">
              <body name="drawer" pos="0 0 0.1">
                <joint name="slide" type="slide" axis="0 1 0" range="-0.16 0.01"/>
                <geom type="box" size="0.1 0.1 0.003" pos="0 0 -0.003"/>
                <site name="inside" type="box" pos="0 0 0.034" size="0.095 0.07 0.03"/>
              </body>
              <body name="knob" pos="0 0.4 0">
                <joint name="knob_joint" type="hinge" axis="0 0 1" range="-0.005 2.1"/>
                <geom type="cylinder" size="0.01 0.01"/>
              </body>
            </body>
          </worldbody>
        </mujoco>
        """;

    private readonly int _item;
    private readonly int _support;

    public PredicateScene()
    {
        Model = MjModel.FromXml(Xml, "predicate test scene");
        Data = new MjData(Model);
        _item = Model.JointQposAddress(Model.JointId("item_joint"));
        _support = Model.JointQposAddress(Model.JointId("support_joint"));
        Data.Forward();
    }

    public MjModel Model { get; }

    public MjData Data { get; }

    /// <summary>Puts the item's centre (upright) at <paramref name="p"/> and recomputes positions and contacts.</summary>
    public PredicateScene Item(Vec3 p) => Pose(_item, p);

    public PredicateScene Support(Vec3 p) => Pose(_support, p);

    public PredicateScene Joint(string name, double q)
    {
        Data.Qpos[Model.JointQposAddress(Model.JointId(name))] = q;
        Data.Forward();
        return this;
    }

    private PredicateScene Pose(int adr, Vec3 p)
    {
        p.CopyTo(Data.Qpos.Slice(adr, 3));
        Quat.Identity.CopyTo(Data.Qpos.Slice(adr + 3, 4));
        Data.Forward();
        return this;
    }

    public void Dispose()
    {
        Data.Dispose();
        Model.Dispose();
    }
}
