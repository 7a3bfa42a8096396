using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Scenes;

namespace RiptOrleans.Physics.Tasks;

/// <summary>Where one part starts: a workspace-frame region centre, its uniform jitter and yaw (spec A5, A8).</summary>
/// <param name="Jitter">Half-width of the uniform xy jitter (m); LIBERO's effective value is 0.015 on the main table, 0.025 in LIBERO-90 scenes.</param>
/// <param name="OnTopOf">Name of another object this one starts on (its xy, stacked in z); null for the table.</param>
/// <param name="Joints">Initial values of the part's joints by name (e.g. a drawer starting open).</param>
public sealed record Placement(IScenePart Part, double X, double Y, double Yaw = 0, double Jitter = 0.015, string? OnTopOf = null,
    IReadOnlyDictionary<string, (double Lo, double Hi)>? Joints = null)
{
    /// <summary>Half-width of the jitter along x when it differs from y's (LIBERO's 0.05 x 0.02 m table_center leaves a bowl no room in x).</summary>
    public double? JitterX { get; init; }

    /// <summary>
    /// Yaw range sampled per context instead of <see cref="Yaw"/> (a BDDL yaw_rotation): a loose object's, or a fixture's,
    /// which must then be a mocap body, since a static body's pose belongs to the model.
    /// </summary>
    public (double Lo, double Hi)? YawRange { get; init; }

    /// <summary>
    /// Radius that keeps sampled starts apart when the part's own is too coarse: other objects stand beside a flat plate
    /// with their walls leaning over its low rim, so its full radius would forbid LIBERO's own layouts.
    /// </summary>
    public double? Radius { get; init; }

    /// <summary>A fixture's region site this object starts on; <see cref="X"/>, <see cref="Y"/> and the jitter are then in the site's frame.</summary>
    public SiteSupport? OnSite { get; init; }

    public Vec3 Center(Vec3 workspaceOffset) => new(workspaceOffset.X + X, workspaceOffset.Y + Y, workspaceOffset.Z);
}
