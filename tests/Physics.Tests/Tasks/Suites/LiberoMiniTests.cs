using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Tasks.Suites;

public class LiberoMiniTests
{
    [Fact]
    [Trait("Category", "Fast")]
    public void Tasks_Always_SixteenDistinctIdsEachWithAnExpert()
    {
        var tasks = LiberoMini.Tasks();
        Assert.Equal(16, tasks.Count);
        Assert.Equal(16, tasks.Select(t => t.Id).Distinct().Count());
        Assert.All(tasks, t => Assert.NotNull(t.Expert));
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Experiments_EveryPair_NamesRegisteredTasks()
    {
        foreach (var e in LiberoMini.Experiments)
        {
            Assert.Equal(e.Source, TaskRegistry.Get(e.Source).Id);
            Assert.Equal(e.Target, TaskRegistry.Get(e.Target).Id);
        }
    }

    [Fact]
    [Trait("Category", "Fast")]
    public void Get_UnknownTask_ThrowsListingKnownTasks()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => TaskRegistry.Get("libero-mini/open-the-fridge"));
        Assert.Contains("unknown task 'libero-mini/open-the-fridge'", e.Message);
        Assert.Contains(LiberoMini.Tasks()[0].Id, e.Message);
    }

    /// <summary>
    /// Fingerprints of the 50 evaluation contexts of every libero-mini task (SHA-256 of their states rounded to 1e-6,
    /// first 16 hex digits) as they were when the suite's first results were measured (main at aadeea3). Later suites
    /// reuse libero-mini's scenes and fixtures; these must not move, or earlier results stop being comparable.
    /// </summary>
    private static readonly Dictionary<string, string> RecordedContexts = new()
    {
        ["kitchen-scene10-close-the-top-drawer-of-the-cabinet"] = "0E6B6225A41818F0",
        ["kitchen-scene5-close-the-top-drawer-of-the-cabinet"] = "66E8F60F762464BD",
        ["kitchen-scene10-put-the-black-bowl-in-the-top-drawer-of-the-cabinet"] = "0516D4809B1C0C95",
        ["kitchen-scene5-put-the-black-bowl-in-the-top-drawer-of-the-cabinet"] = "0B3F030F04D897D0",
        ["kitchen-scene10-put-the-butter-at-the-front-in-the-top-drawer-of-the-cabinet-and-close-it"] = "CCB0E9C972A91A80",
        ["kitchen-scene10-put-the-butter-at-the-back-in-the-top-drawer-of-the-cabinet-and-close-it"] = "27E06B63F4BF77E9",
        ["kitchen-scene1-open-the-top-drawer-of-the-cabinet"] = "CA28362FD60CEABE",
        ["kitchen-scene1-open-the-bottom-drawer-of-the-cabinet"] = "6B4EA4012831B452",
        ["kitchen-scene2-put-the-black-bowl-at-the-front-on-the-plate"] = "10CCD380136643A1",
        ["kitchen-scene2-put-the-black-bowl-at-the-back-on-the-plate"] = "A133D5D05B97C537",
        ["kitchen-scene9-turn-on-the-stove-and-put-the-frying-pan-on-it"] = "4E7BA34DF5830D13",
        ["kitchen-scene3-turn-on-the-stove-and-put-the-frying-pan-on-it"] = "B78689EAD0AF9CFD",
        ["kitchen-scene3-turn-on-the-stove-and-put-the-moka-pot-on-it"] = "1D352E16B7289DDF",
        ["living-room-scene6-put-the-chocolate-pudding-to-the-right-of-the-plate"] = "01F434C27E93A51A",
        ["living-room-scene6-put-the-chocolate-pudding-to-the-left-of-the-plate"] = "2F51AA053F3958E9",
        ["living-room-scene6-put-the-white-mug-on-the-plate-and-put-the-chocolate-pudding-to-the-right-of-the-plate"] = "6207EA682BB0B5DB",
    };

    public static TheoryData<string> TaskNames() => [.. LiberoMini.Tasks().Select(t => t.Name)];

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(TaskNames))]
    public void Create_EvalContexts_AreTheOnesEarlierResultsWereMeasuredOn(string name)
    {
        var (_, contexts) = SuiteContexts.Get($"{LiberoMini.Name}/{name}");

        var text = string.Join(";", contexts.Contexts.Select(c => string.Join(",", c.State.Select(v => Math.Round(v, 6).ToString("R", CultureInfo.InvariantCulture)))));
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

        Assert.Equal(RecordedContexts[name], hash);
    }
}
