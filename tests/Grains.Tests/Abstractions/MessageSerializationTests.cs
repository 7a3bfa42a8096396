using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Grains.Tests.Abstractions;

/// <summary>The messages through Orleans' serializer, as they cross silos: every member survives, Learner records through their JSON surrogates.</summary>
[Trait("Category", "Fast")]
public class MessageSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(RolloutJob).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value));

    [Fact]
    public void GroupResult_RoundTrip_KeepsRewardsTrajectoriesAndReasons()
    {
        var decision = new TrajectoryDecision([1f, 2f], [7, 8, 9], null, [0.5f, -0.5f], -1.25f);
        var result = new GroupResult(Guid.NewGuid(), "suite/task/3", 4, "suite/task/3#1@S127.0.0.1:1:2", [1, 0], false,
            [new Trajectory([decision], 4, true, null), new Trajectory([decision, decision], 8, false, "timeout")], 1234, new GroupTimings(1, 2, 3), ["timeout"]);

        var back = RoundTrip(result);

        Assert.Equal(result.Rewards, back.Rewards);
        Assert.Equal(result.JobId, back.JobId);
        Assert.Equal("timeout", Assert.Single(back.FailureReasons));
        Assert.Equal(decision.Images, back.Trajectories[1].Decisions[1].Images);
        Assert.Equal(decision.Sampled, back.Trajectories[0].Decisions[0].Sampled);
        Assert.Equal(result.Timings, back.Timings);
    }

    [Fact]
    public void RiptRunOptions_RoundTrip_CarriesTheUpdateKnobsThroughTheirJson()
    {
        var run = new RiptRunOptions("/runs/a", ["suite/task"], "/sft", new RiptOptions
        {
            K = 4, BatchSize = 16, Ratio = RatioMode.PerDecision, GroupLearningRates = new Dictionary<string, double> { ["head"] = 1e-5 },
        }, 7) { Seed = 11, Temperature = 0.5, Resume = true };

        var back = RoundTrip(run);

        Assert.Equal(run.Ript.K, back.Ript.K);
        Assert.Equal(RatioMode.PerDecision, back.Ript.Ratio);
        Assert.Equal(1e-5, back.Ript.GroupLearningRates["head"]);
        Assert.Equal((11L, 0.5, true, 7), (back.Seed, back.Temperature!.Value, back.Resume, back.Iterations));
        Assert.Equal(run.TaskIds, back.TaskIds);
    }
}
