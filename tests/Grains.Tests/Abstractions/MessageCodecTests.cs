using RiptOrleans.Grains.Abstractions.Messages;

namespace RiptOrleans.Grains.Tests.Abstractions;

[Trait("Category", "Fast")]
public class MessageCodecTests
{
    private static GroupResult Sample() => new(Guid.NewGuid(), "s/t/3", 7, "worker-2", [1, 0, 1, 0], false,
    [
        new Trajectory([new TrajectoryDecision([1, 2], [9, 8, 7], [3, 4], null, -1.5f), new TrajectoryDecision([5, 6], null, null, [0.25f], -0.5f)], 12, true, null),
        new Trajectory([new TrajectoryDecision([0, 0], null, [1], null, -2f)], 400, false, "timeout"),
    ], 12345, new GroupTimings(1.5, 0.25, 2), ["timeout", "diverged: BADQACC at dof 3"]);

    [Fact]
    public void DecodeRolloutJob_EncodedJob_RoundTrips()
    {
        var job = new RolloutJob(Guid.NewGuid(), "run-1", 4, 9, "libero-mini/x/12", 16, long.MaxValue - 3);

        Assert.Equal(job, MessageCodec.DecodeRolloutJob(MessageCodec.Encode(job)));
    }

    [Fact]
    public void DecodeGroupResult_EncodedResult_RoundTripsEveryField()
    {
        var g = Sample();

        var back = MessageCodec.DecodeGroupResult(MessageCodec.Encode(g));

        Assert.Equal(g.JobId, back.JobId);
        Assert.Equal(g.Rewards, back.Rewards);
        Assert.Equal(g.FailureReasons, back.FailureReasons);
        Assert.Equal(g.Timings, back.Timings);
        Assert.Equal(2, back.Trajectories.Count);
        Assert.Equal(new byte[] { 9, 8, 7 }, back.Trajectories[0].Decisions[0].Images);
        Assert.Equal(new long[] { 3, 4 }, back.Trajectories[0].Decisions[0].Tokens);
        Assert.Null(back.Trajectories[0].Decisions[0].Sampled);
        Assert.Equal(new[] { 0.25f }, back.Trajectories[0].Decisions[1].Sampled);
        Assert.Equal("timeout", back.Trajectories[1].FailureReason);
        Assert.Equal(400, back.Trajectories[1].Length);
    }

    [Fact]
    public void DecodeGroupResult_UnknownSchemaVersion_IsRefusedNamingIt()
    {
        var bytes = MessageCodec.Encode(Sample());
        bytes[0] = 99;

        var e = Assert.Throws<InvalidDataException>(() => MessageCodec.DecodeGroupResult(bytes));

        Assert.Contains("schema version 99", e.Message);
    }
}
