using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>Geometry lookups shared by predicates: body subtrees, contacts between subtrees.</summary>
public static class SceneQuery
{
    /// <summary>Ids of <paramref name="root"/> and every body below it (a fixture and its drawers, an object).</summary>
    public static HashSet<int> Subtree(MjModel model, int root)
    {
        var set = new HashSet<int> { root };
        // Bodies are numbered parents first, so one forward pass finds every descendant.
        for (var b = root + 1; b < model.NBody; b++)
            if (set.Contains(model.BodyParentId(b)))
                set.Add(b);
        return set;
    }

    /// <summary>True when any active contact touches a geom of each body set.</summary>
    public static bool InContact(MjModel model, MjData data, HashSet<int> a, HashSet<int> b)
    {
        var n = data.ContactCount;
        for (var i = 0; i < n; i++)
        {
            var c = data.Contact(i);
            int b1 = model.GeomBodyId(c.Geom1), b2 = model.GeomBodyId(c.Geom2);
            if ((a.Contains(b1) && b.Contains(b2)) || (a.Contains(b2) && b.Contains(b1)))
                return true;
        }
        return false;
    }

    public static Vec3 BodyPos(MjData data, int body) => Vec3.From(data.Xpos, body);

    public static Vec3 SitePos(MjData data, int site) => Vec3.From(data.SiteXpos, site);

    /// <summary>Offset of <paramref name="p"/> from a site, expressed in the site's frame.</summary>
    public static Vec3 InSiteFrame(MjData data, int site, Vec3 p)
    {
        var d = p - SitePos(data, site);
        var r = data.SiteXmat.Slice(9 * site, 9);
        return new Vec3(r[0] * d.X + r[3] * d.Y + r[6] * d.Z, r[1] * d.X + r[4] * d.Y + r[7] * d.Z, r[2] * d.X + r[5] * d.Y + r[8] * d.Z);
    }
}
