using RiptOrleans.Grains.Experiments;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Grains.Tests.Experiments;

[Trait("Category", "Fast")]
public class CellPipelineTests
{
    private static readonly CellPaths Paths = CellPaths.Flat("/tmp/cell");

    [Fact]
    public void RunOptions_SuiteCell_OneGroupPerTaskAndTheVariantsRejection()
    {
        var cell = new ExperimentCell("dynamic-sampling", ExperimentUnit.ForSuite("libero-goal"), PolicyKind.Regression, 5, 2,
            new ExperimentVariant("rejection-off", DynamicRejection: false));

        var run = CellPipeline.RunOptions(cell, new CellSettings(), FamilyRecipe.For(PolicyKind.Regression), Paths, "sft/checkpoint", tasks: 10);

        Assert.Equal(8 * 10, run.Ript.BatchSize);
        Assert.False(run.Ript.DynamicRejection);
        Assert.Equal(10, run.TaskIds.Length);
        Assert.Equal(5, run.ContextsPerTask);
        Assert.Equal(2, run.Seed);
    }

    [Fact]
    public void RunOptions_PairCellWithNoiseAndAnotherK_KeepsGroupsPerIterationAndSetsTheSigma()
    {
        var cell = new ExperimentCell("context-noise", ExperimentUnit.ForPair(ExperimentRegistry.FindPair(ExperimentRegistry.QuickstartPair)!), PolicyKind.Tokenized, 1, 1,
            new ExperimentVariant("noise-2x", NoiseUnits: 2));
        var recipe = FamilyRecipe.For(PolicyKind.Tokenized);

        var run = CellPipeline.RunOptions(cell, new CellSettings { K = 4, Iterations = 10, EvalEvery = 10 }, recipe, Paths, "sft/checkpoint", tasks: 1);

        Assert.Equal(recipe.Ript.BatchSize / recipe.Ript.K * 4, run.Ript.BatchSize);
        Assert.Equal(0.05, run.ContextNoise, 12);
        Assert.Equal(0, run.EvalEvery);
        Assert.Equal([ExperimentRegistry.FindPair(ExperimentRegistry.QuickstartPair)!.Target], run.TaskIds);
    }

    [Fact]
    public void RunOptions_IreVlaWithoutReplayUnderABudget_ReplaysNoDemosAndCarriesTheBudget()
    {
        var unit = ExperimentUnit.ForPair(ExperimentRegistry.FindPair(ExperimentRegistry.QuickstartPair)!);
        var cell = new ExperimentCell("compare", unit, PolicyKind.Regression, 3, 1, ExperimentVariant.IreVlaNoReplay);

        var run = CellPipeline.RunOptions(cell, new CellSettings { SimStepBudget = 5000 }, FamilyRecipe.For(PolicyKind.Regression), Paths, "sft/checkpoint", tasks: 1);

        Assert.NotNull(run.IreVla);
        Assert.False(run.IreVla.DemoReplay);
        Assert.Equal(Paths.TargetDemos, run.IreVla.SlDemoDir);
        Assert.Equal(3, run.IreVla.SlDemos);
        Assert.Equal(5000, run.SimStepBudget);
        Assert.Null(CellPipeline.RunOptions(cell with { Variant = ExperimentVariant.Ript }, new CellSettings(), FamilyRecipe.For(PolicyKind.Regression), Paths, "sft/checkpoint", 1).IreVla);
    }

    [Fact]
    public void RunOptions_RiptReplay_RunsRiptsUpdateWithTheSameDemoReplayAsIreVla()
    {
        var unit = ExperimentUnit.ForPair(ExperimentRegistry.FindPair(ExperimentRegistry.QuickstartPair)!);
        var cell = new ExperimentCell("compare", unit, PolicyKind.Regression, 3, 1, ExperimentVariant.RiptReplay);
        var recipe = FamilyRecipe.For(PolicyKind.Regression);

        var run = CellPipeline.RunOptions(cell, new CellSettings { SimStepBudget = 5000 }, recipe, Paths, "sft/checkpoint", tasks: 1);
        var irevla = CellPipeline.RunOptions(cell with { Variant = ExperimentVariant.IreVlaReplay }, new CellSettings { SimStepBudget = 5000 }, recipe, Paths, "sft/checkpoint", 1);
        var ript = CellPipeline.RunOptions(cell with { Variant = ExperimentVariant.Ript }, new CellSettings { SimStepBudget = 5000 }, recipe, Paths, "sft/checkpoint", 1);

        Assert.Equal("ript-replay", run.Algorithm);
        Assert.True(run.RiptRl);
        // The supervised rounds are iRe-VLA's own (same D_e, same knobs); the RL iterations are RIPT's (same update, rejection on).
        Assert.Equal(irevla.IreVla, run.IreVla);
        Assert.Equal(ript.Ript, run.Ript);
        Assert.True(run.Ript.DynamicRejection);
        Assert.Equal("ire-vla", irevla.Algorithm);
        Assert.False(irevla.RiptRl);
    }

    [Fact]
    public void ForExperiment_VariantsOfOneCell_ShareTheirSftDirectoryButNotTheirRuns()
    {
        var unit = ExperimentUnit.ForPair(ExperimentRegistry.FindPair(ExperimentRegistry.QuickstartPair)!);
        var ript = new ExperimentCell("compare", unit, PolicyKind.Regression, 3, 1, ExperimentVariant.Ript);
        var irevla = ript with { Variant = ExperimentVariant.IreVlaReplay };

        var a = CellPaths.ForExperiment("/tmp/x", ript, new CellSettings());
        var b = CellPaths.ForExperiment("/tmp/x", irevla, new CellSettings());

        Assert.Equal(a.Sft, b.Sft);
        Assert.True(a.SharedSft);
        Assert.NotEqual(a.Ript, b.Ript);
        Assert.NotEqual(a.Sft, CellPaths.ForExperiment("/tmp/x", ript with { Seed = 2 }, new CellSettings()).Sft);
    }

    [Fact]
    public void Cell_IdAndDemos_DependOnlyOnItsCoordinates()
    {
        var unit = ExperimentUnit.ForPair(ExperimentRegistry.FindPair("scenario-stove-and-pan")!);
        var cell = new ExperimentCell("cross-scenario", unit, PolicyKind.Tokenized, 3, 2, ExperimentVariant.Ript);

        Assert.Equal("scenario-stove-and-pan/tokenized/3-demos/seed-2/ript", cell.Id);
        Assert.Equal("scenario-stove-and-pan_tokenized_3-demos_seed-2_ript", cell.DirectoryName);
        Assert.Equal(1000, cell.FirstDemoContext);
    }
}
