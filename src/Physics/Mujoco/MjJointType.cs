namespace RiptOrleans.Physics.Mujoco;

/// <summary>MuJoCo's joint types (mjtJoint).</summary>
public enum MjJointType
{
    Free = 0,
    Ball = 1,
    Slide = 2,
    Hinge = 3,
}
