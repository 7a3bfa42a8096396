using RiptOrleans.Silo.Cli;

namespace RiptOrleans.Silo.Tests.Cli;

[Trait("Category", "Fast")]
public class TaskSelectionTests
{
    [Fact]
    public void OverConfig_NoFlags_KeepsTheConfiguredTaskAndSuite() =>
        Assert.Equal(("reach", null), TaskSelection.OverConfig(null, null, "reach", null));

    [Fact]
    public void OverConfig_TaskFlag_ClearsAConfiguredSuite() =>
        Assert.Equal(("push", null), TaskSelection.OverConfig("push", null, null, "metaworld-mini"));

    [Fact]
    public void OverConfig_SuiteFlag_ClearsAConfiguredTask() =>
        Assert.Equal((null, "libero-goal"), TaskSelection.OverConfig(null, "libero-goal", "reach", null));
}
