using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Policies;
using RiptOrleans.Physics.Data;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Sft;

/// <summary>
/// The demonstrations of one SFT run: the first N episodes of each task's demo file (DIR/&lt;task name&gt;.safetensors),
/// the policy's named state fields (every field of every task, in order of first appearance, or a selection), the
/// vocabulary, state and action statistics built from them, and random windows (task, then episode, then step, uniformly).
/// </summary>
public sealed class DemoDataset
{
    private readonly List<(DemoFile File, DemoEpisode Episode)> _episodes = new();
    private readonly List<List<int>> _byTask = new();

    private DemoDataset() { }

    public IReadOnlyList<DemoFile> Files { get; private set; } = [];

    /// <summary>The named state fields a policy of these demos reads: one layout for every task of the suite.</summary>
    public IReadOnlyList<StateField> StateFields { get; private set; } = [];

    /// <summary>Entries of <see cref="StateFields"/>.</summary>
    public int StateDim { get; private set; }

    public int ActionDim { get; private set; }

    /// <summary>Frame size of the image demos (0 without images).</summary>
    public int ImageSize { get; private set; }

    public InputStatistics Inputs { get; private set; } = null!;

    public int Episodes => _episodes.Count;

    public int Steps => _episodes.Sum(e => e.Episode.Steps);

    /// <summary>The selection word for "the robot's proprioceptive fields" (joint states, end effector, gripper), no object poses.</summary>
    public const string Proprio = "proprio";

    /// <summary>
    /// Loads demosPerTask episodes of each task; a missing file, too few episodes or a missing camera is refused naming it.
    /// stateFields selects the state fields the policy reads (empty: every field; <see cref="Proprio"/>: the robot's
    /// proprioception; else field names), an unknown name is refused listing the fields; normalizeActions adds action statistics.
    /// </summary>
    public static DemoDataset Load(string directory, IReadOnlyList<TaskSpec> tasks, int demosPerTask, IReadOnlyList<string> cameras,
        IReadOnlyList<string>? stateFields = null, bool normalizeActions = false)
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
        d.StateFields = SelectFields(files, tasks, stateFields ?? []);
        d.StateDim = d.StateFields.Sum(f => f.Size);
        var actionDims = files.Select(f => f.ActionDim).Distinct().ToList();
        if (actionDims.Count != 1)
            throw new InvalidDataException($"the tasks' demonstrations have different action sizes ({string.Join(", ", actionDims)}); one policy needs one action size");
        d.ActionDim = actionDims[0];
        d.ImageSize = cameras.Count == 0 ? 0 : files[0].ImageSize;
        if (cameras.Count > 0 && files.Any(f => f.ImageSize != d.ImageSize))
            throw new InvalidDataException("the tasks' image demonstrations have different frame sizes");
        var tokenizer = WordTokenizer.Build(files.Select(f => f.Instruction));
        var layout = new StateLayout(new PolicyConfig(PolicyKind.Regression, d.StateDim, d.ActionDim, 1, 1, []) { StateFields = d.StateFields });
        var rows = d._episodes.SelectMany(e => Enumerable.Range(0, e.Episode.Steps + 1).Select(t =>
            new PolicyObservation(e.Episode.Observations.AsSpan(t * e.File.ObservationSize, e.File.ObservationSize).ToArray(), null, e.File.Instruction, e.File.ObservationFields)));
        d.Inputs = InputStatistics.FromObservations(tokenizer, layout, rows);
        if (normalizeActions)
            d.Inputs = d.Inputs.WithActions(d._episodes.SelectMany(e => Enumerable.Range(0, e.Episode.Steps)
                .Select(t => (ReadOnlyMemory<float>)e.Episode.Actions.AsMemory(t * d.ActionDim, d.ActionDim))), d.ActionDim);
        return d;
    }

    /// <summary>Every field of the files in order of first appearance, the robot's proprioception, or the named fields.</summary>
    private static IReadOnlyList<StateField> SelectFields(IReadOnlyList<DemoFile> files, IReadOnlyList<TaskSpec> tasks, IReadOnlyList<string> selection)
    {
        var all = new List<StateField>();
        foreach (var (name, size) in files.SelectMany(f => f.ObservationFields))
        {
            var known = all.FirstOrDefault(f => f.Name == name);
            if (known is null) all.Add(new StateField(name, size));
            else if (known.Size != size)
                throw new InvalidDataException($"state field '{name}' has {known.Size} entries in one task's demos and {size} in another's");
        }
        if (selection.Count == 0) return all;
        var names = new List<string>();
        foreach (var s in selection)
        {
            if (s == Proprio)
            {
                foreach (var task in tasks)
                {
                    using var model = TaskModel.Compile(task);
                    names.AddRange(model.CreateRig().ProprioFields.Select(f => f.Name));
                }
            }
            else names.Add(s);
        }
        var chosen = new List<StateField>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
            chosen.Add(all.FirstOrDefault(f => f.Name == name)
                ?? throw new InvalidDataException($"sft.state_fields: no state field '{name}' in the demos; fields are {string.Join(", ", all.Select(f => f.Name))} (or '{Proprio}')"));
        return chosen;
    }

    /// <summary>
    /// The window at step t of episode e: observation t and actions t..t+L−1 (zero-padded, Valid = real ones); with a
    /// random source and shift > 0, each camera frame is translated by up to ±shift pixels (edges repeated), the
    /// random-shift augmentation image policies train with (DrQ, Diffusion Policy).
    /// </summary>
    public DemoWindow Window(int episode, int t, PolicyConfig config, Random? random = null, int shift = 0)
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
            {
                var frame = e.Images[config.Cameras[c]].AsSpan(checked((int)((long)t * px)), px);
                var into = images.AsSpan(c * px, px);
                if (random is null || shift == 0) frame.CopyTo(into);
                else Shift(frame, into, config.ImageSize, random.Next(-shift, shift + 1), random.Next(-shift, shift + 1));
            }
        }
        return new DemoWindow(new PolicyObservation(state, images, file.Instruction, file.ObservationFields), actions, valid);
    }

    /// <summary>An H x W x 3 frame translated by (dx, dy) pixels, the edge rows and columns repeated into the gap.</summary>
    private static void Shift(ReadOnlySpan<byte> frame, Span<byte> into, int size, int dx, int dy)
    {
        for (var y = 0; y < size; y++)
        {
            var sy = Math.Clamp(y - dy, 0, size - 1);
            for (var x = 0; x < size; x++)
            {
                var sx = Math.Clamp(x - dx, 0, size - 1);
                var src = (sy * size + sx) * 3;
                var dst = (y * size + x) * 3;
                into[dst] = frame[src];
                into[dst + 1] = frame[src + 1];
                into[dst + 2] = frame[src + 2];
            }
        }
    }

    /// <summary>count windows: a task uniformly, one of its episodes uniformly, a step uniformly; frames shifted by up to ±imageShift pixels.</summary>
    public IReadOnlyList<DemoWindow> Sample(int count, Random random, PolicyConfig config, int imageShift = 0)
    {
        var windows = new DemoWindow[count];
        for (var i = 0; i < count; i++)
        {
            var task = _byTask[random.Next(_byTask.Count)];
            var ep = task[random.Next(task.Count)];
            windows[i] = Window(ep, random.Next(_episodes[ep].Episode.Steps), config, random, imageShift);
        }
        return windows;
    }
}
