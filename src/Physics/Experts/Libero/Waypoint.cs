using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Experts.Libero;

/// <summary>One phase of a scripted Panda motion: a grip-site target (re-evaluated every step unless latched), yaw, gripper command and when it is done.</summary>
/// <param name="Target">Grip-site target in the world; read from the live state so it follows moving drawers and objects.</param>
/// <param name="Gripper">+1 close, −1 open.</param>
/// <param name="Yaw">Yaw of the fingers' opening axis when they point down (0: along world y).</param>
/// <param name="Point">Direction the fingers point in instead of straight down (opening horizontally across it): for drawer handles under other handles.</param>
/// <param name="Tolerance">Distance (m) at which the target counts as reached.</param>
/// <param name="MinSteps">Steps the phase lasts at least (closing and opening the gripper take ~8).</param>
/// <param name="MaxSteps">Steps after which the phase ends even if the target is not reached (blocked by contact).</param>
/// <param name="Speed">Cap on the position action (1 = 5 cm per step); lower near contacts.</param>
/// <param name="Latch">Evaluate <see cref="Target"/> once on entering, so a target derived from a carried object does not run away with it.</param>
/// <param name="Done">Extra completion test (e.g. the drawer's joint passed its goal); ends the phase on its own.</param>
/// <param name="OnEnter">Runs once on entering (e.g. to remember where the object sits in the hand).</param>
public sealed record Waypoint(string Name, Func<MjData, Vec3> Target, double Gripper, double Yaw = 0, Vec3? Point = null, double Tolerance = 0.01,
    int MinSteps = 0, int MaxSteps = 80, double Speed = 1.0, bool Latch = false, Func<MjData, bool>? Done = null,
    Action<MjData>? OnEnter = null);
