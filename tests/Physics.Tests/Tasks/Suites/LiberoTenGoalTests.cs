using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Scenes.Fixtures;
using RiptOrleans.Physics.Scenes.Objects;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using RiptOrleans.Physics.Tasks.Suites;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

/// <summary>
/// The libero-10 goals over the new fixtures on hand-built states of the real scenes, on both sides of each threshold:
/// In(book, caddy compartment), In(mug, microwave heating region) with Close(microwave), In(item, basket).
/// </summary>
public class LiberoTenGoalTests
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TaskModel> Cache = new();

    /// <summary>The first libero-10 task whose name starts with <paramref name="prefix"/>, compiled once.</summary>
    private static TaskModel Scene(string prefix)
    {
        var spec = TaskRegistry.Suite(LiberoTen.Name).First(t => t.Name.StartsWith(prefix, StringComparison.Ordinal));
        return Cache.GetOrAdd(spec.Id, _ => TaskModel.Compile(spec));
    }

    private static MjData NewData(TaskModel task)
    {
        var data = new MjData(task.Model);
        data.Forward();
        return data;
    }

    private static void Pose(TaskModel task, MjData data, string body, Vec3 position, double yaw = 0)
    {
        var adr = task.Model.JointQposAddress(task.Model.JointId(ContextSampler.FreeJointName(body)));
        position.CopyTo(data.Qpos.Slice(adr, 3));
        Quat.FromYaw(yaw).CopyTo(data.Qpos.Slice(adr + 3, 4));
        data.Forward();
    }

    private static Vec3 Site(TaskModel task, MjData data, string name) => Vec3.From(data.SiteXpos, task.Model.SiteId(name));

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData("back", 0.0, 0.0, true)]
    [InlineData("back", 0.0, 0.06, true)]   // 2 mm inside the region's 0.062 half length
    [InlineData("back", 0.0, 0.065, false)]
    [InlineData("front", 0.0, 0.0, false)]  // the wrong compartment
    public void BookInBackCompartment_StandingInACompartment_TrueOnlyInsideTheBackOne(string compartment, double dx, double dy, bool expected)
    {
        var task = Scene("study-scene1");
        using var data = NewData(task);
        var site = Site(task, data, $"desk_caddy_1_{compartment}_contain_region");
        var caddy = Vec3.From(data.Xpos, task.Model.BodyId("desk_caddy_1"));
        var floor = compartment == "back" ? DeskCaddy.BackFloor : 0.005;
        // The caddy is turned by π: its local axes are the world's reversed.
        Pose(task, data, "black_book_1", new Vec3(site.X - dx, site.Y - dy, caddy.Z + floor), Math.PI);
        Assert.Equal(expected, task.Goal.Holds(data));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void BookInBackCompartment_HeldAboveTheCaddy_False()
    {
        var task = Scene("study-scene1");
        using var data = NewData(task);
        var site = Site(task, data, "desk_caddy_1_back_contain_region");
        // The region reaches 0.146 over the caddy's bottom: a book whose bottom is above that is not in it.
        Pose(task, data, "black_book_1", site + new Vec3(0, 0, DeskCaddy.BackHalfSize.Z + 0.002), Math.PI);
        Assert.False(task.Goal.Holds(data));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, true)]
    [InlineData(-0.004, true)]
    [InlineData(-0.006, false)]   // LIBERO's Close test: q > −0.005
    [InlineData(-1.3, false)]
    public void MugInMicrowaveAndClosed_MugInside_HoldsOnlyWithTheDoorShut(double door, bool expected)
    {
        var task = Scene("kitchen-scene6");
        using var data = NewData(task);
        var inside = Site(task, data, "microwave_1_heating_region");
        var microwave = Vec3.From(data.Xpos, task.Model.BodyId("microwave_1"));
        Pose(task, data, LiberoTen.YellowWhiteMug.Name, new Vec3(inside.X - 0.04, inside.Y, microwave.Z + 0.01), -Math.PI / 2);
        data.Qpos[task.Model.JointQposAddress(task.Model.JointId("microwave_1_microjoint"))] = door;
        data.Forward();
        Assert.Equal(expected, task.Goal.Holds(data));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.01, true)]
    [InlineData(0.09, true)]    // 3.5 mm inside the region's 0.0835 half depth about its centre at y = 0.01
    [InlineData(-0.08, false)]  // at the cavity's front edge, outside the region
    public void MugInMicrowaveAndClosed_DoorShut_HoldsOnlyWithTheMugInside(double y, bool expected)
    {
        var task = Scene("kitchen-scene6");
        using var data = NewData(task);
        var microwave = Vec3.From(data.Xpos, task.Model.BodyId("microwave_1"));
        // The microwave stands at yaw 0: its frame is the world's, shifted.
        Pose(task, data, LiberoTen.YellowWhiteMug.Name, microwave + new Vec3(-0.04, y, 0.01), -Math.PI / 2);
        data.Qpos[task.Model.JointQposAddress(task.Model.JointId("microwave_1_microjoint"))] = 0;
        data.Forward();
        Assert.Equal(expected, task.Goal.Holds(data));
    }

    [Theory]
    [Trait("Category", "Fast")]
    [InlineData(0.0, 0.0, true)]
    [InlineData(0.025, 0.0, true)]   // 6 mm inside the region's 0.061 half width
    [InlineData(0.035, 0.0, false)]
    [InlineData(0.0, 0.2, false)]    // beside the basket on the table
    public void SoupAndSauceInBasket_BothInside_HoldsOnlyWhenBothAre(double dx, double dy, bool expected)
    {
        var task = Scene("living-room-scene2-put-both-the-alphabet-soup");
        using var data = NewData(task);
        var basket = Vec3.From(data.Xpos, task.Model.BodyId(LiberoTen.BasketPart.Name));
        var floor = basket.Z + Basket.Floor + Groceries.CanHalfHeight;
        Pose(task, data, "alphabet_soup_1", new Vec3(basket.X - 0.03, basket.Y, floor));
        Pose(task, data, "tomato_sauce_1", new Vec3(basket.X + 0.03 + dx, basket.Y + dy, floor));
        Assert.Equal(expected, task.Goal.Holds(data));
    }
}
