namespace RiptOrleans.Physics.Mujoco;

/// <summary>One contact of the current state: the two geoms, signed distance (negative: penetration), point and normal (from geom1 to geom2).</summary>
public readonly record struct MjContact(int Geom1, int Geom2, double Dist, (double X, double Y, double Z) Pos, (double X, double Y, double Z) Normal);
