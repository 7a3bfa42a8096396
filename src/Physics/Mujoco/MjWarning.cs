namespace RiptOrleans.Physics.Mujoco;

/// <summary>MuJoCo's warning kinds (mjtWarning), in its order.</summary>
public enum MjWarning
{
    Inertia = 0,
    ContactFull,
    ConstraintFull,
    VGeomFull,
    BadQpos,
    BadQvel,
    BadQacc,
    BadCtrl,
}
