using System.Globalization;
using System.Text.Json;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Physics.Data;

namespace RiptOrleans.Learner.IreVla;

/// <summary>
/// D_RL: the successful rollouts iRe-VLA collected so far (Algorithm 1, line 6), accumulated across rounds and tasks, and
/// their supervised windows. A rollout recorded observations at decision points only, so each decision gives one window:
/// its observation and the next ChunkLength actions the env executed (padded past the end, Valid = real ones). On disk one
/// safetensors file per iteration that added successes (online/iteration-NNNNNN.safetensors in the run directory), so a
/// resumed run reloads exactly what the iterations before its checkpoint added.
/// </summary>
public sealed class OnlineDataset
{
    private readonly List<IreVlaTrajectory> _trajectories = [];

    public IReadOnlyList<IreVlaTrajectory> Trajectories => _trajectories;

    /// <summary>Control steps of every trajectory held (what its share of a stage-2 batch is weighted by).</summary>
    public long Steps => _trajectories.Sum(t => (long)t.Length);

    /// <summary>Adds the successful ones of <paramref name="rollouts"/> (failures only ever feed the RL update); returns those added.</summary>
    public IReadOnlyList<IreVlaTrajectory> AddSuccesses(IEnumerable<IreVlaTrajectory> rollouts)
    {
        var added = rollouts.Where(t => t.Success).ToList();
        _trajectories.AddRange(added);
        return added;
    }

    /// <summary>Supervised windows of every decision of every trajectory held, for a policy with this config.</summary>
    public IReadOnlyList<DemoWindow> Windows(PolicyConfig config) => _trajectories.SelectMany(t => Windows(t, config)).ToList();

    /// <summary>One window per decision: the observation and the next ChunkLength executed actions (zero-padded past the end).</summary>
    public static IEnumerable<DemoWindow> Windows(IreVlaTrajectory t, PolicyConfig config)
    {
        int l = config.ChunkLength, a = config.ActionDim, e = config.ExecuteSteps;
        if (t.ExecutedActions.Length != t.Length * a)
            throw new ArgumentException($"trajectory of {t.ContextId} holds {t.ExecutedActions.Length} executed action entries, Length x ActionDim is {t.Length * a}");
        for (var d = 0; d < t.Decisions.Count && d * e < t.Length; d++)
        {
            var start = d * e;
            var valid = Math.Min(l, t.Length - start);
            var actions = new float[l * a];
            Array.Copy(t.ExecutedActions, start * a, actions, 0, valid * a);
            yield return new DemoWindow(t.Decisions[d].Observation, actions, valid);
        }
    }

    public static string FileOf(string directory, int iteration) => Path.Combine(directory, $"iteration-{iteration.ToString("D6", CultureInfo.InvariantCulture)}.safetensors");

    /// <summary>Writes the trajectories one iteration added (atomically); nothing when there are none.</summary>
    public static void Save(string directory, int iteration, IReadOnlyList<IreVlaTrajectory> added)
    {
        if (added.Count == 0) return;
        var file = new SafeTensorsFile();
        var index = new List<object>();
        for (var i = 0; i < added.Count; i++)
        {
            var t = added[i];
            var first = t.Decisions[0].Observation;
            file.Tensors[$"{i}.states"] = SafeTensor.From(t.Decisions.SelectMany(d => d.Observation.State).ToArray(), t.Decisions.Count, first.State.Length);
            if (first.Images is { } images)
                file.Tensors[$"{i}.images"] = SafeTensor.From(t.Decisions.SelectMany(d => d.Observation.Images!).ToArray(), t.Decisions.Count, images.Length);
            file.Tensors[$"{i}.actions"] = SafeTensor.From(t.ExecutedActions, t.ExecutedActions.Length);
            index.Add(new
            {
                task = t.TaskId, context = t.ContextId, instruction = first.Instruction, length = t.Length,
                fields = first.Fields?.Select(f => new object[] { f.Name, f.Size }).ToArray(),
            });
        }
        file.Metadata["format"] = Format;
        file.Metadata["iteration"] = iteration.ToString(CultureInfo.InvariantCulture);
        file.Metadata["trajectories"] = JsonSerializer.Serialize(index);
        file.Save(FileOf(directory, iteration));
    }

    public const string Format = "riptorleans.ire-vla-online/1";

    /// <summary>
    /// The dataset the iterations before <paramref name="before"/> built; files of later iterations (written by a run that
    /// stopped before its checkpoint) are deleted, as metrics lines past the checkpoint are.
    /// </summary>
    public static OnlineDataset Load(string directory, int before)
    {
        var dataset = new OnlineDataset();
        if (!Directory.Exists(directory)) return dataset;
        foreach (var path in Directory.GetFiles(directory, "iteration-*.safetensors").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!int.TryParse(name.AsSpan("iteration-".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var iteration))
                continue;
            if (iteration >= before)
            {
                File.Delete(path);
                continue;
            }
            var file = SafeTensorsFile.Load(path);
            if (!file.Metadata.TryGetValue("format", out var format) || format != Format)
                throw new InvalidDataException($"{path} is not an iRe-VLA online dataset file (format '{format ?? "missing"}', expected '{Format}')");
            using var index = JsonDocument.Parse(file.Metadata["trajectories"]);
            var i = 0;
            foreach (var t in index.RootElement.EnumerateArray())
            {
                var statesTensor = file.Tensors[$"{i}.states"];
                var states = statesTensor.ToFloats();
                var (count, size) = ((int)statesTensor.Shape[0], (int)statesTensor.Shape[1]);
                byte[]? images = null;
                var pixels = 0;
                if (file.Tensors.TryGetValue($"{i}.images", out var imagesTensor))
                {
                    images = imagesTensor.ToBytes();
                    pixels = (int)imagesTensor.Shape[1];
                }
                var fields = t.GetProperty("fields").ValueKind == JsonValueKind.Null ? null
                    : t.GetProperty("fields").EnumerateArray().Select(f => (f[0].GetString()!, f[1].GetInt32())).ToList();
                var instruction = t.GetProperty("instruction").GetString()!;
                var decisions = Enumerable.Range(0, count).Select(d => new ScoredDecision(new PolicyObservation(states.AsSpan(d * size, size).ToArray(),
                    images?.AsSpan(d * pixels, pixels).ToArray(), instruction, fields), null, null)).ToList();
                dataset._trajectories.Add(new IreVlaTrajectory(t.GetProperty("task").GetString()!, t.GetProperty("context").GetString()!, decisions, [],
                    file.Tensors[$"{i}.actions"].ToFloats(), t.GetProperty("length").GetInt32(), true));
                i++;
            }
        }
        return dataset;
    }
}
