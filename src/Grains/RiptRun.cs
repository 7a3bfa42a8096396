using System.Text.Json;
using System.Text.Json.Nodes;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Tasks;
using Serilog;

namespace RiptOrleans.Grains;

/// <summary>The files side of a stage-3 run: its context set (demo init states or training pools), metrics lines, and the training config it records.</summary>
public static class RiptRun
{
    private static readonly ILogger Logger = Log.ForContext(typeof(RiptRun));

    public const string Stage = "ript";

    /// <summary>D_context: the first ContextsPerTask initial states of each task's demo file, or of its training pool.</summary>
    public static ContextCatalog BuildContexts(RiptRunOptions o, IReadOnlyList<TaskSpec> specs, TaskModelCache models)
    {
        var catalog = new ContextCatalog();
        foreach (var spec in specs)
        {
            if (o.DemoDirectory is null)
            {
                catalog.AddTrainingPool(models.Get(spec.Id), o.ContextsPerTask);
                continue;
            }
            var path = Path.Combine(o.DemoDirectory, $"{spec.Name}.safetensors");
            var demos = DemoFile.Load(path);
            if (demos.TaskId != spec.Id)
                throw new InvalidDataException($"{path} holds demonstrations of {demos.TaskId}, not {spec.Id}");
            catalog.Add(spec, demos.Episodes.Take(o.ContextsPerTask).Select(e => e.InitState));
        }
        if (o.ContextNoise > 0)
            catalog = catalog.Perturbed(o.ContextNoise, o.Seed, c => models.Get(c.TaskId));
        Logger.Information("Context set: {Count} contexts over {Tasks} tasks", catalog.Ids.Count, specs.Count);
        return catalog;
    }

    /// <summary>The "training" section of the run's checkpoint config.json.</summary>
    public static JsonNode Training(RiptRunOptions o) => JsonSerializer.SerializeToNode(new
    {
        stage = Stage,
        tasks = o.TaskIds,
        o.Iterations,
        o.Seed,
        o.Workers,
        o.ContextsPerTask,
        o.ContextNoise,
        o.SkipSolvedIterations,
        o.DemoDirectory,
        o.EvalEvery,
        o.EvalInits,
        ript = o.Ript,
        algorithm = o.Algorithm,
        ire_vla = o.IreVla,
    })!;
}
