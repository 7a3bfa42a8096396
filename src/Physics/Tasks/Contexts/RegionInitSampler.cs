using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Contexts;

/// <summary>
/// LIBERO's placement: each object uniformly within ±jitter of its region centre, upright with its class yaw, rejected
/// when it would overlap an already placed object; objects "on" another take its xy; objects on a fixture's region site
/// are placed in that site's frame; fixture joints and sampled yaws (of fixtures and loose objects) from their ranges (spec A5).
/// </summary>
/// <remarks>Placements are processed in order: a fixture comes before the objects that start on its sites.</remarks>
public sealed class RegionInitSampler : IInitSampler
{
    public static readonly RegionInitSampler Instance = new();

    private const int MaxTries = 200;

    /// <summary>Objects are spawned this far above their support and fall onto it (LIBERO: surface + 0.01 − bottom offset).</summary>
    private const double Drop = 0.01;

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
            {
                if (p.YawRange is { } yaw)
                    SetMocapYaw(spec, model, data, p, yaw.Lo + (yaw.Hi - yaw.Lo) * rng.NextDouble());
                continue;
            }
            var pos = p.OnTopOf is { } supportName ? OnTop(spec, p, placed, supportName)
                : p.OnSite is { } site ? OnSite(task, data, p, site, placed, rng)
                : InRegion(spec, p, placed, rng);
            var adr = model.JointQposAddress(model.JointId(ContextSampler.FreeJointName(p.Part.Name)));
            pos.CopyTo(qpos.Slice(adr, 3));
            // A loose object's yaw range (LIBERO's books) is drawn after its position, so placements without one draw as before.
            var objectYaw = p.YawRange is { } range ? range.Lo + (range.Hi - range.Lo) * rng.NextDouble() : p.Yaw;
            Quat.FromYaw(objectYaw).CopyTo(qpos.Slice(adr + 3, 4));
            placed.Add((p, pos));
        }
    }

    private static void SetMocapYaw(TaskSpec spec, MjModel model, MjData data, Placement p, double yaw)
    {
        var mocap = model.BodyMocapId(model.BodyId(p.Part.Name));
        if (mocap < 0)
            throw new InvalidOperationException($"task {spec.Id}: '{p.Part.Name}' has a sampled yaw but is not a mocap body");
        Quat.FromYaw(yaw).CopyTo(data.MocapQuat.Slice(4 * mocap, 4));
    }

    private static Vec3 OnTop(TaskSpec spec, Placement p, List<(Placement P, Vec3 Pos)> placed, string supportName)
    {
        var support = placed.FindIndex(q => q.P.Part.Name == supportName);
        if (support < 0)
            throw new InvalidOperationException($"task {spec.Id}: '{p.Part.Name}' starts on '{supportName}', which is not placed before it");
        var (sp, spos) = placed[support];
        return new Vec3(spos.X, spos.Y, spos.Z - sp.Part.OriginHeight + sp.Part.Height + p.Part.OriginHeight + Drop);
    }

    /// <summary>Uniform in the site's frame around (X, Y), dropped onto the site's bottom face; the site's pose comes from forward kinematics with the fixtures' poses and joints as set.</summary>
    private static Vec3 OnSite(TaskModel task, MjData data, Placement p, SiteSupport support, List<(Placement P, Vec3 Pos)> placed, Random rng)
    {
        var spec = task.Spec;
        var site = task.Model.SiteId(support.Site);
        data.Forward();
        var origin = Vec3.From(data.SiteXpos, site);
        var r = data.SiteXmat.Slice(9 * site, 9);
        var jitterX = (p.JitterX ?? p.Jitter) * spec.JitterScale;
        var jitterY = p.Jitter * spec.JitterScale;
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var lx = p.X + jitterX * (2 * rng.NextDouble() - 1);
            var ly = p.Y + jitterY * (2 * rng.NextDouble() - 1);
            var lz = -support.HalfHeight;
            var pos = origin + new Vec3(r[0] * lx + r[1] * ly + r[2] * lz, r[3] * lx + r[4] * ly + r[5] * lz, r[6] * lx + r[7] * ly + r[8] * lz);
            if (Clear(placed, p, pos.X, pos.Y))
                return pos.WithZ(pos.Z + p.Part.OriginHeight + Drop);
        }
        throw new InvalidOperationException($"task {spec.Id}: no collision-free placement for '{p.Part.Name}' on '{support.Site}' after {MaxTries} tries");
    }

    private static Vec3 InRegion(TaskSpec spec, Placement p, List<(Placement P, Vec3 Pos)> placed, Random rng)
    {
        var center = p.Center(spec.WorkspaceOffset);
        var jitterX = (p.JitterX ?? p.Jitter) * spec.JitterScale;
        var jitterY = p.Jitter * spec.JitterScale;
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var x = center.X + jitterX * (2 * rng.NextDouble() - 1);
            var y = center.Y + jitterY * (2 * rng.NextDouble() - 1);
            if (Clear(placed, p, x, y))
                return new Vec3(x, y, center.Z + p.Part.OriginHeight + Drop);
        }
        throw new InvalidOperationException($"task {spec.Id}: no collision-free placement for '{p.Part.Name}' after {MaxTries} tries");
    }

    private static bool Clear(List<(Placement P, Vec3 Pos)> placed, Placement p, double x, double y) =>
        placed.TrueForAll(q => Math.Sqrt((x - q.Pos.X) * (x - q.Pos.X) + (y - q.Pos.Y) * (y - q.Pos.Y)) >= (q.P.Radius ?? q.P.Part.Radius) + (p.Radius ?? p.Part.Radius));
}
