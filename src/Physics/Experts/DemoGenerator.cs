using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Envs;
using RiptOrleans.Physics.Randomness;
using RiptOrleans.Physics.Rendering;
using RiptOrleans.Physics.Robots;
using RiptOrleans.Physics.Scenes.Arenas;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Physics.Tasks.Contexts;
using Serilog;

namespace RiptOrleans.Physics.Experts;

/// <summary>Records successful noisy expert episodes from a task's training contexts as demonstrations.</summary>
public static class DemoGenerator
{
    private static readonly ILogger Logger = Log.ForContext(typeof(DemoGenerator));

    /// <summary>Options of one generation run.</summary>
    /// <param name="Noise">Std of Gaussian action noise (MetaWorld/QueST use 0.2; small values suit LIBERO's OSC).</param>
    /// <param name="Images">Also record agentview and wrist frames at every step.</param>
    /// <param name="MaxAttemptsPerEpisode">Failed episodes are discarded; this bounds the search for successes.</param>
    /// <param name="FirstContext">Index of the first training context tried (another seed of an experiment draws other demos).</param>
    public sealed record Options(int Episodes, double Noise = 0.05, bool Images = false, int ImageSize = 128, int MaxAttemptsPerEpisode = 5, int FirstContext = 0);

    /// <summary>
    /// The action noise demonstrations are recorded with, per robot family: LIBERO-style σ 0.05 on the OSC action (its
    /// human demos are smooth), MetaWorld σ 0.2 as QueST's generator (spec B1, B5.7); noisy actions are clipped to [−1, 1].
    /// </summary>
    public static double DemoNoise(RobotKind robot) => robot == RobotKind.Panda ? 0.05 : 0.2;

    /// <summary>Cameras recorded with --images, per robot family.</summary>
    public static IReadOnlyList<string> Cameras(RobotKind robot) =>
        robot == RobotKind.Panda ? [TableArena.AgentviewCamera, PandaArm.WristCamera] : [MetaWorldArena.CornerCamera];

    /// <summary>Runs the expert on successive training contexts until <see cref="Options.Episodes"/> successes.</summary>
    /// <exception cref="InvalidOperationException">The expert failed too often to reach the requested count.</exception>
    public static DemoFile Generate(TaskSpec spec, Options options, Action<int>? onEpisode = null)
    {
        using var task = TaskModel.Compile(spec);
        using var env = new ManipulationEnv(task);
        using var renderer = options.Images ? new Renderer(task.Model, options.ImageSize, options.ImageSize) : null;
        var cameras = options.Images ? Cameras(spec.Robot) : [];
        var episodes = new List<DemoEpisode>();
        var maxAttempts = options.Episodes * options.MaxAttemptsPerEpisode;
        var attempts = 0;
        for (var index = options.FirstContext; episodes.Count < options.Episodes; index++)
        {
            if (attempts++ >= maxAttempts)
                throw new InvalidOperationException(
                    $"task {spec.Id}: only {episodes.Count} of {options.Episodes} expert episodes succeeded in {maxAttempts} attempts (noise {options.Noise})");
            var seed = Seeds.DemoNoise(spec.Id, index);
            var context = ContextSampler.Sample(task, ContextSplit.Train, index, seed);
            var frames = cameras.ToDictionary(c => c, _ => new List<byte[]>());
            var run = ExpertRollout.Run(env, context, options.Noise, noiseSeed: seed, record: true,
                onObservation: renderer is null ? null : data =>
                {
                    foreach (var camera in cameras)
                        frames[camera].Add(renderer.Render(data, camera));
                });
            if (!run.Success)
            {
                Logger.Debug("Demo attempt on {ContextId} failed: {Reason}", context.Id, run.FailureReason);
                continue;
            }
            var images = frames.ToDictionary(f => f.Key, f => f.Value.SelectMany(b => b).ToArray());
            episodes.Add(new DemoEpisode(context.Id, seed, context.State, run.Steps, run.Observations.SelectMany(o => o).ToArray(),
                run.Actions.SelectMany(a => a.Select(v => (float)v)).ToArray(), images));
            onEpisode?.Invoke(episodes.Count);
        }
        return new DemoFile(spec.Id, spec.Instruction, task.Observation.Fields, task.ActionDim, options.Images ? options.ImageSize : 0, episodes)
        {
            Provenance = new Dictionary<string, string>
            {
                ["expert_noise"] = options.Noise.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                ["attempts"] = attempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["first_context"] = options.FirstContext.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["cameras"] = string.Join(",", cameras),
            },
        };
    }
}
