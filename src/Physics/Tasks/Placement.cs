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
    public Vec3 Center(Vec3 workspaceOffset) => new(workspaceOffset.X + X, workspaceOffset.Y + Y, workspaceOffset.Z);
}
