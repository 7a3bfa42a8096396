using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>
/// The libero-goal goals on hand-built states of the real scene: the existing On / OnRegion predicates cover "on top of
/// the cabinet" (its top_side site), "in the bowl" (On), "on the rack" (its tilted top_region) and "in front of the
/// stove" (a table region). Objects are lowered in 0.5 mm steps until they first touch something.
/// </summary>
public class LiberoGoalPredicateTests
{
    private const string Bowl = "akita_black_bowl_1", CreamCheese = "cream_cheese_1", Bottle = "wine_bottle_1", Plate = "plate_1";

    private static readonly Lazy<TaskModel> Scene = new(() => TaskModel.Compile(LiberoGoal.Tasks()[0]));

    private static bool Goal(MjData data, string instruction) =>
        LiberoGoal.Tasks().Single(t => t.Instruction == instruction).Goal.Bind(Scene.Value.Model).Holds(data);

    private static MjData NewData()
    {
        var data = new MjData(Scene.Value.Model);
        data.Forward();
        return data;
    }

    private static Vec3 Site(MjData data, string name) => Vec3.From(data.SiteXpos, Scene.Value.Model.SiteId(name));

    private static void Pose(MjData data, string body, Vec3 position, Quat orientation)
    {
        var model = Scene.Value.Model;
        var adr = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName(body)));
        position.CopyTo(data.Qpos.Slice(adr, 3));
        orientation.CopyTo(data.Qpos.Slice(adr + 3, 4));
        data.Forward();
    }

    private static bool Touches(MjData data, string body)
    {
        var model = Scene.Value.Model;
        var id = model.BodyId(body);
        for (var i = 0; i < data.ContactCount; i++)
        {
            var c = data.Contact(i);
            if (model.GeomBodyId(c.Geom1) == id || model.GeomBodyId(c.Geom2) == id)
                return true;
        }
        return false;
    }

    /// <summary>Moves the body from <paramref name="start"/> along −<paramref name="up"/> until it first touches anything; returns where.</summary>
    private static Vec3 Lower(MjData data, string body, Vec3 start, Quat orientation, Vec3? up = null)
    {
        var step = (up ?? Vec3.UnitZ) * 0.0005;
        for (var k = 0; k < 600; k++)
        {
            var p = start - step * k;
            Pose(data, body, p, orientation);
            if (Touches(data, body))
                return p;
        }
        throw new InvalidOperationException($"{body} touched nothing on its way down from {start}");
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, true)]
    [InlineData(0.09, true)]   // 4 mm inside the site's edge toward the cabinet's front
    [InlineData(0.105, false)] // beyond it, still resting on the roof
    public void BowlOnCabinet_LoweredOntoTheRoof_TrueInsideTheTopSideSite(double towardFront, bool expected)
    {
        using var data = NewData();
        var site = Site(data, "wooden_cabinet_1_top_side");
        // The cabinet is turned by π: its front (local −y) faces world +y.
        Lower(data, Bowl, site + new Vec3(0, towardFront, 0.05), Quat.FromYaw(Math.PI / 2));
        Assert.Equal(expected, Goal(data, "put the bowl on top of the cabinet"));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BowlOnCabinet_HoveringOverTheRoof_False()
    {
        using var data = NewData();
        var site = Site(data, "wooden_cabinet_1_top_side");
        var resting = Lower(data, Bowl, site + new Vec3(0, 0, 0.05), Quat.FromYaw(Math.PI / 2));
        Pose(data, Bowl, resting + new Vec3(0, 0, 0.01), Quat.FromYaw(Math.PI / 2));
        Assert.False(Goal(data, "put the bowl on top of the cabinet"));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BottleOnCabinet_StandingOnTheRoof_True()
    {
        using var data = NewData();
        Lower(data, Bottle, Site(data, "wooden_cabinet_1_top_side") + new Vec3(0, 0, 0.05), Quat.Identity);
        Assert.True(Goal(data, "put the wine bottle on top of the cabinet"));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, true)]
    [InlineData(0.025, true)]
    [InlineData(0.035, false)]
    public void CreamCheeseInBowl_LoweredIntoIt_TrueWithin3CmOfItsCentre(double offset, bool expected)
    {
        using var data = NewData();
        var bowl = new Vec3(-0.09, 0, 0.90);
        Pose(data, Bowl, bowl, Quat.FromYaw(Math.PI / 2));
        var resting = Lower(data, CreamCheese, bowl + new Vec3(offset, 0, 0.08), Quat.FromYaw(Math.PI));
        Assert.True(resting.Z > bowl.Z + 0.01, "the box rests in the bowl, not on the table");
        Assert.Equal(expected, Goal(data, "put the cream cheese in the bowl"));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void CreamCheeseInBowl_BesideItOnTheTable_False()
    {
        using var data = NewData();
        Pose(data, Bowl, new Vec3(-0.09, 0, 0.90), Quat.FromYaw(Math.PI / 2));
        Lower(data, CreamCheese, new Vec3(-0.09, 0.075, 0.95), Quat.FromYaw(Math.PI));
        Assert.False(Goal(data, "put the cream cheese in the bowl"));
    }

    /// <summary>The rack is placed with yaw π: its trough axis and "up" in the world.</summary>
    private static readonly Quat RackTurn = Quat.FromYaw(Math.PI);

    private static Vec3 TroughAxis => RackTurn.Rotate(WineRack.Axis);

    private static Vec3 TroughUp => RackTurn.Rotate(WineRack.Up);

    /// <summary>The bottle lying along the troughs (its local z turned onto their axis), bottom toward the stop board.</summary>
    private static Quat Lying => Quat.FromAxisAngle(new Vec3(1, 0, 0), -WineRack.Tilt);

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, 0.01, true)]
    [InlineData(0.0, 0.06, true)]   // as far up the trough as the back board lets the neck go: inside the window's h + 0.10
    [InlineData(0.08, 0.01, true)]  // the side troughs: still inside the region's 0.101 half width
    [InlineData(-0.08, 0.01, true)]
    public void BottleOnRack_LoweredIntoATrough_TrueWithItsBottomNearTheStop(double across, double along, bool expected)
    {
        using var data = NewData();
        var start = Site(data, "wine_rack_1_top_region") + new Vec3(across, 0, 0) + TroughAxis * along + TroughUp * 0.03;
        Lower(data, Bottle, start, Lying, TroughUp);
        Assert.Equal(expected, Goal(data, "put the wine bottle on the rack"));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BottleOnRack_UprightOnTheTable_False()
    {
        using var data = NewData();
        Lower(data, Bottle, new Vec3(-0.2, -0.05, 0.95), Quat.Identity);
        Assert.False(Goal(data, "put the wine bottle on the rack"));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BottleOnRack_HeldOverTheTroughNotTouching_False()
    {
        using var data = NewData();
        var start = Site(data, "wine_rack_1_top_region") + TroughAxis * 0.01 + TroughUp * 0.03;
        var resting = Lower(data, Bottle, start, Lying, TroughUp);
        Pose(data, Bottle, resting + TroughUp * 0.008, Lying);
        Assert.False(Goal(data, "put the wine bottle on the rack"));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, 0.0, true)]
    [InlineData(0.035, 0.035, true)]
    [InlineData(0.045, 0.0, false)]
    [InlineData(0.0, -0.045, false)]
    public void PlateInFrontOfStove_OnTheTable_TrueInsideTheRegion(double dx, double dy, bool expected)
    {
        using var data = NewData();
        Lower(data, Plate, new Vec3(-0.05 + dx, 0.21 + dy, 0.93), Quat.FromYaw(Math.PI / 2));
        Assert.Equal(expected, Goal(data, "push the plate to the front of the stove"));
    }
}
