using System.Globalization;
using System.Text.Json;

namespace RiptOrleans.Physics.Data;

/// <summary>
/// A task's demonstrations as one safetensors file (DESIGN §5): tensors <c>episode_{i}.obs</c> F32 [T+1, obs],
/// <c>episode_{i}.actions</c> F32 [T, act], <c>episode_{i}.init_state</c> F64 [state], optional
/// <c>episode_{i}.images.{camera}</c> U8 [T+1, H, W, 3]; metadata holds the task, instruction, layout and provenance.
/// </summary>
public sealed record DemoFile(string TaskId, string Instruction, IReadOnlyList<(string Name, int Size)> ObservationFields, int ActionDim,
    int ImageSize, IReadOnlyList<DemoEpisode> Episodes)
{
    public const string Format = "riptorleans.demos/1";

    public int ObservationSize => ObservationFields.Sum(f => f.Size);

    /// <summary>Extra provenance written to the header (expert noise, seeds, generator version).</summary>
    public IReadOnlyDictionary<string, string> Provenance { get; init; } = new Dictionary<string, string>();

    public void Save(string path)
    {
        var file = new SafeTensorsFile();
        var m = file.Metadata;
        m["format"] = Format;
        m["task"] = TaskId;
        m["instruction"] = Instruction;
        m["observation_fields"] = JsonSerializer.Serialize(ObservationFields.Select(f => new object[] { f.Name, f.Size }));
        m["action_dim"] = ActionDim.ToString(CultureInfo.InvariantCulture);
        m["image_size"] = ImageSize.ToString(CultureInfo.InvariantCulture);
        m["episodes"] = Episodes.Count.ToString(CultureInfo.InvariantCulture);
        m["context_ids"] = JsonSerializer.Serialize(Episodes.Select(e => e.ContextId));
        m["seeds"] = JsonSerializer.Serialize(Episodes.Select(e => e.Seed));
        foreach (var (k, v) in Provenance) m[k] = v;
        for (var i = 0; i < Episodes.Count; i++)
        {
            var e = Episodes[i];
            file.Tensors[$"episode_{i}.obs"] = SafeTensor.From(e.Observations, e.Steps + 1, ObservationSize);
            file.Tensors[$"episode_{i}.actions"] = SafeTensor.From(e.Actions, e.Steps, ActionDim);
            file.Tensors[$"episode_{i}.init_state"] = SafeTensor.From(e.InitState, e.InitState.Length);
            foreach (var (camera, rgb) in e.Images)
                file.Tensors[$"episode_{i}.images.{camera}"] = SafeTensor.From(rgb, e.Steps + 1, ImageSize, ImageSize, 3);
        }
        file.Save(path);
    }

    /// <summary>Reads a demo file; a file of another format or with inconsistent shapes is refused naming the problem.</summary>
    public static DemoFile Load(string path)
    {
        var file = SafeTensorsFile.Load(path);
        if (!file.Metadata.TryGetValue("format", out var format) || format != Format)
            throw new InvalidDataException($"{path}: not a RiptOrleans demonstration file (format '{format ?? "missing"}', expected '{Format}')");
        var fields = JsonSerializer.Deserialize<JsonElement[][]>(file.Meta("observation_fields"))!
            .Select(f => (f[0].GetString()!, f[1].GetInt32())).ToList();
        var actionDim = int.Parse(file.Meta("action_dim"), CultureInfo.InvariantCulture);
        var imageSize = int.Parse(file.Meta("image_size"), CultureInfo.InvariantCulture);
        var count = int.Parse(file.Meta("episodes"), CultureInfo.InvariantCulture);
        var contextIds = JsonSerializer.Deserialize<string[]>(file.Meta("context_ids"))!;
        var seeds = JsonSerializer.Deserialize<int[]>(file.Meta("seeds"))!;
        var obsSize = fields.Sum(f => f.Item2);
        var episodes = new List<DemoEpisode>(count);
        for (var i = 0; i < count; i++)
        {
            var obs = file[$"episode_{i}.obs"];
            var actions = file[$"episode_{i}.actions"];
            var steps = (int)actions.Shape[0];
            if (obs.Shape.Length != 2 || obs.Shape[0] != steps + 1 || obs.Shape[1] != obsSize || actions.Shape[1] != actionDim)
                throw new InvalidDataException($"{path}: episode {i} has obs [{string.Join(", ", obs.Shape)}] and actions [{string.Join(", ", actions.Shape)}], " +
                    $"expected [{steps + 1}, {obsSize}] and [{steps}, {actionDim}]");
            var prefix = $"episode_{i}.images.";
            var images = file.Tensors.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal))
                .ToDictionary(t => t.Key[prefix.Length..], t => t.Value.ToBytes());
            episodes.Add(new DemoEpisode(contextIds[i], seeds[i], file[$"episode_{i}.init_state"].ToDoubles(), steps, obs.ToFloats(),
                actions.ToFloats(), images));
        }
        var provenance = file.Metadata.Where(kv => kv.Key is not ("format" or "task" or "instruction" or "observation_fields" or "action_dim"
            or "image_size" or "episodes" or "context_ids" or "seeds")).ToDictionary();
        return new DemoFile(file.Meta("task"), file.Meta("instruction"), fields, actionDim, imageSize, episodes) { Provenance = provenance };
    }
}
