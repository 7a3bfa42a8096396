using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Tests.Experiments;

[Trait("Category", "Fast")]
public class ExperimentGridTests
{
    private static ExperimentDefinition Named(string name) => ExperimentRegistry.Find(name)!;

    [Fact]
    public void Expand_CrossScenarioDefaults_EveryPairDemoSeedAndFamilyOnce()
    {
        var grid = ExperimentGrid.Expand(Named("cross-scenario"), new GridSelection());

        var pairs = ExperimentRegistry.Pairs.Count(p => p.Kind == "cross-scenario");
        Assert.Equal(pairs * 3 * 3 * 2, grid.Cells.Count);
        Assert.Equal(grid.Cells.Count, grid.Cells.Select(c => c.Id).Distinct().Count());
        Assert.All(grid.Cells, c => Assert.True(c.Unit.IsPair));
    }

    [Fact]
    public void Expand_Trimmed_KeepsOnlyTheSelectionWithSeedsOutermost()
    {
        var grid = ExperimentGrid.Expand(Named("cross-scenario"), new GridSelection
        {
            Pairs = ["scenario-close-top-drawer", "scenario-stove-and-pan"], Demos = [1], Seeds = [1, 2], Families = [PolicyKind.Tokenized],
        });

        Assert.Equal(
        [
            "scenario-close-top-drawer/tokenized/1-demos/seed-1/ript", "scenario-stove-and-pan/tokenized/1-demos/seed-1/ript",
            "scenario-close-top-drawer/tokenized/1-demos/seed-2/ript", "scenario-stove-and-pan/tokenized/1-demos/seed-2/ript",
        ], grid.Cells.Select(c => c.Id));
    }

    [Fact]
    public void Expand_ContextNoise_OneCellPerNoiseLevelWithItsSigma()
    {
        var grid = ExperimentGrid.Expand(Named("context-noise"), new GridSelection { Families = [PolicyKind.Regression] });

        Assert.Equal([0, 0.025, 0.05, 0.1, 0.175], grid.Cells.Select(c => c.Variant.ContextNoise), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.All(grid.Cells, c => Assert.Equal(ExperimentRegistry.QuickstartPair, c.Unit.Name));
    }

    [Fact]
    public void Expand_DynamicSamplingOnASuite_TurnsRejectionOffInOneArm()
    {
        var grid = ExperimentGrid.Expand(Named("dynamic-sampling"), new GridSelection { Suites = ["libero-goal"], Seeds = [1], Families = [PolicyKind.Regression] });

        Assert.Equal([true, false], grid.Cells.Select(c => c.Variant.DynamicRejection));
        Assert.All(grid.Cells, c => Assert.Equal("libero-goal", c.Unit.Suite));
    }

    [Fact]
    public void Expand_Compare_RiptAndIreVlaWithAndWithoutDemoReplayAndRiptWithReplayOnTheSameUnitsAndSeeds()
    {
        var grid = ExperimentGrid.Expand(Named("compare"), new GridSelection { Families = [PolicyKind.Regression] });

        Assert.Equal(3 * 4, grid.Cells.Count);
        foreach (var seed in grid.Cells.GroupBy(c => c.Seed))
            Assert.Equal([(false, true, false), (true, true, false), (true, false, false), (true, true, true)],
                seed.Select(c => (c.Variant.IreVla, c.Variant.DemoReplay, c.Variant.RiptRl)));
        Assert.All(grid.Cells, c => Assert.Equal(ExperimentRegistry.QuickstartPair, c.Unit.Name));
    }

    [Fact]
    public void Expand_FewShot_RunsOnMl45AsMetaWorldsFortyFiveTrainingTasks()
    {
        var grid = ExperimentGrid.Expand(Named("few-shot"), new GridSelection { Demos = [5], Seeds = [1] });

        var ml45 = Assert.Single(grid.Cells.Select(c => c.Unit).Where(u => u.Name == ExperimentRegistry.Ml45).Distinct());
        Assert.Equal(45, ml45.TargetTaskIds.Count);
        Assert.All(ml45.TargetTaskIds, id => Assert.StartsWith("metaworld/", id, StringComparison.Ordinal));
        Assert.Empty(grid.Notes);
    }

    [Theory]
    [InlineData("ml45")]
    [InlineData("metaworld:ml46-train")]
    public void Expand_UnknownSuiteOrSplit_FailsNamingItAndTheBuiltSuites(string suite)
    {
        var e = Assert.Throws<ArgumentException>(() => ExperimentGrid.Expand(Named("multitask"), new GridSelection { Suites = [suite] }));

        Assert.StartsWith($"--suites: unknown suite '{suite}'; built suites: ", e.Message);
        Assert.Contains("libero-goal", e.Message);
        Assert.Contains(ExperimentRegistry.Ml45, e.Message);
    }

    [Theory]
    [InlineData("cross-scenario", "goal-top-to-bottom-drawer", "is not a cross-scenario pair")]
    [InlineData("cross-goal", "no-such-pair", "is not a cross-goal pair")]
    public void Expand_PairOfAnotherKindOrUnknown_FailsListingTheKnownOnes(string experiment, string pair, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => ExperimentGrid.Expand(Named(experiment), new GridSelection { Pairs = [pair] }));

        Assert.Contains(message, e.Message);
        Assert.Contains("known: ", e.Message);
    }

    [Fact]
    public void Expand_SuitesForAPairExperiment_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => ExperimentGrid.Expand(Named("cross-goal"), new GridSelection { Suites = ["libero-goal"] }));

        Assert.Equal("--suites: cross-goal runs over task pairs; choose them with --pairs", e.Message);
    }

    [Fact]
    public void Registry_CrossGoal_HoldsLiberoMiniAndLiberoGoalPairs()
    {
        var units = Named("cross-goal").DefaultUnits;

        Assert.Contains("goal-bowl-front-to-back", units);
        Assert.Contains("goal-bowl-stove-to-plate", units);
    }
}
