using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>
/// MetaWorld's placement: each listed body uniformly inside a world-frame box (free bodies through their joint, mocap
/// bodies — goals and movable fixtures — through mocap_pos), resampled until the pairwise xy-distance rules hold (spec B3);
/// then each placement's joints (a drawer starting open) uniformly in their ranges.
/// </summary>
/// <param name="Yaws">Fixed yaws of sampled free bodies (default: none, upright with identity orientation).</param>
public sealed record BoxInitSampler(IReadOnlyList<BoxInitSampler.Range> Ranges, IReadOnlyList<BoxInitSampler.MinDistance>? Rules = null,
    IReadOnlyDictionary<string, double>? Yaws = null) : IInitSampler
{
    private const int MaxTries = 1000;

    /// <summary>Where one body starts: uniform in [Low, High]; <paramref name="RelativeTo"/> makes the box relative to an earlier body's sample.</summary>
    public sealed record Range(string Body, Vec3 Low, Vec3 High, string? RelativeTo = null);

    /// <summary>Two sampled bodies at least <paramref name="Distance"/> apart in xy (e.g. goal ≥ 0.15 from the puck).</summary>
    public sealed record MinDistance(string A, string B, double Distance);

    public void Place(TaskModel task, MjData data, Random rng)
    {
        var model = task.Model;
        var sample = new Dictionary<string, Vec3>(StringComparer.Ordinal);
        for (var attempt = 0; ; attempt++)
        {
            sample.Clear();
            foreach (var r in Ranges)
            {
                var p = new Vec3(rng.NextUniform(r.Low.X, r.High.X), rng.NextUniform(r.Low.Y, r.High.Y), rng.NextUniform(r.Low.Z, r.High.Z));
                if (r.RelativeTo is { } anchor)
                    p += sample.TryGetValue(anchor, out var a) ? a : throw new InvalidOperationException(
                        $"task {task.Spec.Id}: range of '{r.Body}' is relative to '{anchor}', which is not sampled before it");
                sample[r.Body] = p;
            }
            if (Rules is null || Rules.All(rule => (sample[rule.A] - sample[rule.B]).NormXy >= rule.Distance))
                break;
            if (attempt == MaxTries)
                throw new InvalidOperationException($"task {task.Spec.Id}: no placement satisfies its distance rules after {MaxTries} tries");
        }
        foreach (var (body, pos) in sample)
        {
            var id = model.BodyId(body);
            var mocap = model.BodyMocapId(id);
            if (mocap >= 0)
            {
                pos.CopyTo(data.MocapPos.Slice(3 * mocap, 3));
                continue;
            }
            var adr = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName(body)));
            pos.CopyTo(data.Qpos.Slice(adr, 3));
            (Yaws is not null && Yaws.TryGetValue(body, out var yaw) ? Quat.FromYaw(yaw) : Quat.Identity).CopyTo(data.Qpos.Slice(adr + 3, 4));
        }
        // After the positions, so tasks without starting joints draw exactly as before.
        foreach (var p in task.Spec.Placements)
            if (p.Joints is { } joints)
                foreach (var (joint, (lo, hi)) in joints)
                    data.Qpos[model.JointQposAddress(model.JointId(joint))] = lo + (hi - lo) * rng.NextDouble();
    }

}
