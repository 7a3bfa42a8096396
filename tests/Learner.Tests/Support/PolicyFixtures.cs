using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>Tiny policy configs and made-up observations and demo windows for fast policy tests.</summary>
internal static class PolicyFixtures
{
    public const int StateDim = 10;
    public const int ActionDim = 4;
    public const string Instruction = "reach the red goal";

    public static PolicyConfig Config(PolicyKind kind, bool images = false) =>
        new(kind, StateDim, ActionDim, ChunkLength: 4, ExecuteSteps: 2, Cameras: images ? ["cam"] : [], ImageSize: 16)
        {
            DModel = 16, Layers = 1, Heads = 2, TokensPerChunk = 2, FsqLevels = [4, 4], TopK = 3, Dropout = 0.1,
        };

    public static InputStatistics Inputs() =>
        InputStatistics.Identity(WordTokenizer.Build([Instruction, "push the puck to the goal"]), StateDim);

    public static IPolicy Create(PolicyKind kind, bool images = false, ulong seed = 3)
    {
        using var g = new RiptOrleans.Learner.Torch.Generator(seed);
        var p = PolicyFactory.Create(Config(kind, images), Inputs(), g);
        p.Train(false);
        return p;
    }

    /// <summary>The observation fields of <see cref="Observations"/>: a 4-entry "proprio" field, then two object poses.</summary>
    public static readonly IReadOnlyList<(string Name, int Size)> Fields = [("proprio", 4), ("cube_pos", 3), ("goal_pos", 3)];

    /// <summary>A policy reading named fields (all of <see cref="Fields"/>, or the proprio field only) with non-trivial action statistics.</summary>
    public static IPolicy CreateNamed(PolicyKind kind, bool proprioOnly = false, ulong seed = 3)
    {
        StateField[] fields = proprioOnly ? [new("proprio", 4)] : Fields.Select(f => new StateField(f.Name, f.Size)).ToArray();
        var config = Config(kind) with { StateDim = fields.Sum(f => f.Size), StateFields = fields };
        var inputs = InputStatistics.Identity(WordTokenizer.Build([Instruction, "push the puck to the goal"]), config.StateDim) with
        {
            ActionMean = [0.1f, -0.2f, 0f, 0.3f],
            ActionStd = [0.5f, 0.05f, 1f, 0.2f],
        };
        using var g = new RiptOrleans.Learner.Torch.Generator(seed);
        var p = PolicyFactory.Create(config, inputs, g);
        p.Train(false);
        return p;
    }

    /// <summary><see cref="Observations"/> tagged with their field names.</summary>
    public static List<PolicyObservation> NamedObservations(int count, int seed = 5) =>
        Observations(count, false, seed).Select(o => o with { Fields = Fields }).ToList();

    public static List<PolicyObservation> Observations(int count, bool images = false, int seed = 5)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new PolicyObservation(
            Enumerable.Range(0, StateDim).Select(_ => (float)(r.NextDouble() * 2 - 1)).ToArray(),
            images ? Enumerable.Range(0, 16 * 16 * 3).Select(_ => (byte)r.Next(256)).ToArray() : null,
            i % 2 == 0 ? Instruction : "push the puck to the goal")).ToList();
    }

    /// <summary>Windows whose target chunk is a fixed function of the state (learnable).</summary>
    public static List<DemoWindow> Windows(int count, bool images = false, int seed = 7)
        => Observations(count, images, seed).Select(o =>
        {
            var a = new float[4 * ActionDim];
            for (var t = 0; t < 4; t++)
                for (var d = 0; d < ActionDim; d++)
                    a[t * ActionDim + d] = Math.Clamp(o.State[d] * 0.8f, -1, 1);
            return new DemoWindow(o, a, 4);
        }).ToList();
}
