using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Suites;

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
}
