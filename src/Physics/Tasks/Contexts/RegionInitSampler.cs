using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>
/// LIBERO's placement: each object uniformly within ±jitter of its region centre, upright with its class yaw, rejected
/// when it would overlap an already placed object; objects "on" another take its xy; fixture joints from their ranges (spec A5).
/// </summary>
public sealed class RegionInitSampler : IInitSampler
{
    public static readonly RegionInitSampler Instance = new();

    private const int MaxTries = 200;

    public void Place(TaskModel task, MjData data, Random rng)
    {
        var spec = task.Spec;
        var model = task.Model;
        var qpos = data.Qpos;
        var placed = new List<(Placement P, Vec3 Pos)>();
        foreach (var p in spec.Placements)
        {
            if (p.Joints is { } joints)
                foreach (var (joint, (lo, hi)) in joints)
                    qpos[model.JointQposAddress(model.JointId(joint))] = lo + (hi - lo) * rng.NextDouble();
            if (!p.Part.IsFree)
                continue;
            var pos = p.OnTopOf is { } supportName ? OnTop(spec, p, placed, supportName) : InRegion(spec, p, placed, rng);
            var adr = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName(p.Part.Name)));
            pos.CopyTo(qpos.Slice(adr, 3));
            Quat.FromYaw(p.Yaw).CopyTo(qpos.Slice(adr + 3, 4));
            placed.Add((p, pos));
        }
    }

    private static Vec3 OnTop(TaskSpec spec, Placement p, List<(Placement P, Vec3 Pos)> placed, string supportName)
    {
        var support = placed.FindIndex(q => q.P.Part.Name == supportName);
        if (support < 0)
            throw new InvalidOperationException($"task {spec.Id}: '{p.Part.Name}' starts on '{supportName}', which is not placed before it");
        var (sp, spos) = placed[support];
        return new Vec3(spos.X, spos.Y, spos.Z - sp.Part.OriginHeight + sp.Part.Height + p.Part.OriginHeight + 0.01);
    }

    private static Vec3 InRegion(TaskSpec spec, Placement p, List<(Placement P, Vec3 Pos)> placed, Random rng)
    {
        var center = p.Center(spec.WorkspaceOffset);
        var jitter = p.Jitter * spec.JitterScale;
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var x = center.X + jitter * (2 * rng.NextDouble() - 1);
            var y = center.Y + jitter * (2 * rng.NextDouble() - 1);
            if (placed.TrueForAll(q => Math.Sqrt((x - q.Pos.X) * (x - q.Pos.X) + (y - q.Pos.Y) * (y - q.Pos.Y)) >= q.P.Part.Radius + p.Part.Radius))
                return new Vec3(x, y, center.Z + p.Part.OriginHeight + 0.01);
        }
        throw new InvalidOperationException($"task {spec.Id}: no collision-free placement for '{p.Part.Name}' after {MaxTries} tries");
    }
}
