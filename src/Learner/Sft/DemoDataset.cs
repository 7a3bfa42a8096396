using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Sft;

/// <summary>
/// The demonstrations of one SFT run: the first N episodes of each task's demo file (DIR/&lt;task name&gt;.safetensors),
/// the vocabulary and state statistics built from them, and random windows (task, then episode, then step, uniformly).
/// </summary>
public sealed class DemoDataset
{
    private readonly List<(DemoFile File, DemoEpisode Episode)> _episodes = new();
    private readonly List<List<int>> _byTask = new();

    private DemoDataset() { }

    public IReadOnlyList<DemoFile> Files { get; private set; } = [];

    /// <summary>Largest observation size across tasks (smaller ones are zero-padded).</summary>
    public int StateDim { get; private set; }

    public int ActionDim { get; private set; }

    /// <summary>Frame size of the image demos (0 without images).</summary>
    public int ImageSize { get; private set; }

    public InputStatistics Inputs { get; private set; } = null!;

    public int Episodes => _episodes.Count;

    public int Steps => _episodes.Sum(e => e.Episode.Steps);

    /// <summary>Loads demosPerTask episodes of each task; a missing file, too few episodes or a missing camera is refused naming it.</summary>
    public static DemoDataset Load(string directory, IReadOnlyList<TaskSpec> tasks, int demosPerTask, IReadOnlyList<string> cameras)
    {
        var d = new DemoDataset();
        var files = new List<DemoFile>();
        foreach (var task in tasks)
        {
            var path = Path.Combine(directory, $"{task.Name}.safetensors");
            if (!File.Exists(path))
                throw new FileNotFoundException($"no demonstrations for {task.Id}: {path} is missing (write them with `ript demos --task {task.Id} --out {directory}`)", path);
            var file = DemoFile.Load(path);
            if (file.TaskId != task.Id)
                throw new InvalidDataException($"{path} holds demonstrations of {file.TaskId}, not {task.Id}");
            if (file.Episodes.Count < demosPerTask)
                throw new InvalidDataException($"{path} holds {file.Episodes.Count} episodes, sft.demos asks for {demosPerTask}");
            foreach (var camera in cameras)
                if (!file.Episodes[0].Images.ContainsKey(camera))
                    throw new InvalidDataException($"{path} has no frames of camera '{camera}' (cameras: [{string.Join(", ", file.Episodes[0].Images.Keys)}]); record with --images");
            files.Add(file);
            var list = new List<int>();
            foreach (var e in file.Episodes.Take(demosPerTask))
            {
                list.Add(d._episodes.Count);
                d._episodes.Add((file, e));
            }
            d._byTask.Add(list);
        }
        d.Files = files;
        d.StateDim = files.Max(f => f.ObservationSize);
        var actionDims = files.Select(f => f.ActionDim).Distinct().ToList();
        if (actionDims.Count != 1)
            throw new InvalidDataException($"the tasks' demonstrations have different action sizes ({string.Join(", ", actionDims)}); one policy needs one action size");
        d.ActionDim = actionDims[0];
        d.ImageSize = cameras.Count == 0 ? 0 : files[0].ImageSize;
        if (cameras.Count > 0 && files.Any(f => f.ImageSize != d.ImageSize))
            throw new InvalidDataException("the tasks' image demonstrations have different frame sizes");
        var tokenizer = WordTokenizer.Build(files.Select(f => f.Instruction));
        var rows = d._episodes.SelectMany(e => Enumerable.Range(0, e.Episode.Steps + 1)
            .Select(t => (ReadOnlyMemory<float>)e.Episode.Observations.AsMemory(t * e.File.ObservationSize, e.File.ObservationSize)));
        d.Inputs = InputStatistics.FromStates(tokenizer, rows, d.StateDim);
        return d;
    }

    /// <summary>The window at step t of episode e: observation t and actions t..t+L−1 (zero-padded, Valid = real ones).</summary>
    public DemoWindow Window(int episode, int t, PolicyConfig config)
    {
        var (file, e) = _episodes[episode];
        int a = file.ActionDim, l = config.ChunkLength;
        var actions = new float[l * a];
        var valid = Math.Min(l, e.Steps - t);
        Array.Copy(e.Actions, t * a, actions, 0, valid * a);
        var state = e.Observations.AsSpan(t * file.ObservationSize, file.ObservationSize).ToArray();
        byte[]? images = null;
        if (config.Cameras.Count > 0)
        {
            var px = config.ImageSize * config.ImageSize * 3;
            images = new byte[config.Cameras.Count * px];
            for (var c = 0; c < config.Cameras.Count; c++)
                Array.Copy(e.Images[config.Cameras[c]], (long)t * px, images, (long)c * px, px);
        }
        return new DemoWindow(new PolicyObservation(state, images, file.Instruction), actions, valid);
    }

    /// <summary>count windows: a task uniformly, one of its episodes uniformly, a step uniformly.</summary>
    public IReadOnlyList<DemoWindow> Sample(int count, Random random, PolicyConfig config)
    {
        var windows = new DemoWindow[count];
        for (var i = 0; i < count; i++)
        {
            var task = _byTask[random.Next(_byTask.Count)];
            var ep = task[random.Next(task.Count)];
            windows[i] = Window(ep, random.Next(_episodes[ep].Episode.Steps), config);
        }
        return windows;
    }
}
