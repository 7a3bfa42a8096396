using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>
/// Gaussian noise on the start positions of a context's loose objects (RIPT §5, Fig. 7: initial-state noise of σ × 2.5 cm
/// on the RL contexts): each object on the table moves by (N(0, σ²), N(0, σ²)) in xy, objects stacked on it move with
/// it, and everything settles again. Objects that start on a fixture's site (in a drawer, on a rack) stay where they are.
/// </summary>
public static class ContextNoise
{
    /// <summary>The paper's unit of initial-state noise: σ is a multiple of 2.5 cm.</summary>
    public const double Unit = 0.025;

    /// <summary>A noisy position overlapping another part or leaving the arm's reach is redrawn this many times, then the object keeps its start.</summary>
    private const int MaxTries = 50;

    /// <summary>Objects stay within this xy distance of the workspace centre: the Panda's top-down reach over the table.</summary>
    private const double MaxReach = 0.35;

    /// <summary>A copy of <paramref name="context"/> with its objects moved by noise of std <paramref name="sigma"/> (m), deterministic in <paramref name="seed"/>; σ = 0 returns it unchanged.</summary>
    public static TaskContext Perturb(TaskModel task, TaskContext context, double sigma, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigma);
        if (context.TaskId != task.Spec.Id)
            throw new ArgumentException($"context {context.Id} belongs to {context.TaskId}, not {task.Spec.Id}", nameof(context));
        if (sigma == 0) return context;
        var spec = task.Spec;
        var model = task.Model;
        var rng = new Random(seed);
        using var data = new MjData(model);
        data.SetState(context.State);
        data.Forward();

        // Every part with a body, at its current xy, with the radius that keeps starts apart.
        var parts = spec.Placements
            .Select(p => (Placement: p, Body: model.TryBodyId(p.Part.Name, out var id) ? id : -1))
            .Where(p => p.Body >= 0)
            .Select(p => (p.Placement, p.Body, Xy: (X: data.Xpos[3 * p.Body], Y: data.Xpos[3 * p.Body + 1]), Radius: p.Placement.Radius ?? p.Placement.Part.Radius))
            .ToList();
        var centre = spec.WorkspaceOffset;
        var qpos = data.Qpos;
        for (var i = 0; i < parts.Count; i++)
        {
            var (p, _, xy, radius) = parts[i];
            if (!p.Part.IsFree || p.OnTopOf is not null || p.OnSite is not null) continue;
            for (var attempt = 0; attempt < MaxTries; attempt++)
            {
                double dx = sigma * rng.NextGaussian(), dy = sigma * rng.NextGaussian();
                double x = xy.X + dx, y = xy.Y + dy;
                if (Math.Sqrt((x - centre.X) * (x - centre.X) + (y - centre.Y) * (y - centre.Y)) > MaxReach) continue;
                var clear = parts.Where((q, j) => j != i && q.Placement.OnTopOf != p.Part.Name)
                    .All(q => Math.Sqrt((x - q.Xy.X) * (x - q.Xy.X) + (y - q.Xy.Y) * (y - q.Xy.Y)) >= q.Radius + radius);
                if (!clear) continue;
                foreach (var name in new[] { p.Part.Name }.Concat(spec.Placements.Where(s => s.OnTopOf == p.Part.Name).Select(s => s.Part.Name)))
                {
                    var adr = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName(name)));
                    qpos[adr] += dx;
                    qpos[adr + 1] += dy;
                }
                parts[i] = (p, parts[i].Body, (x, y), radius);
                break;
            }
        }
        data.Qvel.Clear();
        ContextSampler.Settle(task, data);
        return context with { Seed = seed, State = data.GetState() };
    }
}
