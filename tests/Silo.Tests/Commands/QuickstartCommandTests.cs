using RiptOrleans.Silo.Commands;
using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Commands;

[Collection("Console")]
[Trait("Category", "Fast")]
public class QuickstartCommandTests
{
    [Fact]
    public void Run_UnknownExperiment_IsBadUsageListingTheExperiments()
    {
        var (code, _, stderr) = ConsoleCapture.Run(() => QuickstartCommand.RunAsync("nope", "regression", 50, 1, 12, 50, Path.GetTempPath(), json: false, default).Result);

        Assert.Equal(2, code);
        Assert.Contains("scenario-close-top-drawer", stderr);
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("3")]
    public async Task Run_UnknownPolicy_IsBadUsage(string policy)
    {
        Assert.Equal(2, await QuickstartCommand.RunAsync("scenario-close-top-drawer", policy, 50, 1, 12, 50, Path.GetTempPath(), json: false, default));
    }

    [Theory]
    [InlineData(0, 1, 12, 50)]
    [InlineData(50, 0, 12, 50)]
    [InlineData(50, 1, 0, 50)]
    [InlineData(50, 1, 12, 51)]
    public async Task Run_OutOfRangeBudget_IsBadUsage(int pretrainDemos, int demos, int iterations, int evalInits)
    {
        Assert.Equal(2, await QuickstartCommand.RunAsync("scenario-close-top-drawer", "regression", pretrainDemos, demos, iterations, evalInits, Path.GetTempPath(), json: false, default));
    }
}
