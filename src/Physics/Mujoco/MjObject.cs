namespace RiptOrleans.Physics.Mujoco;

/// <summary>Kinds of named model objects (RM_OBJ_* of rm_model.h).</summary>
public enum MjObject
{
    Body = 0,
    Joint = 1,
    Geom = 2,
    Site = 3,
    Camera = 4,
    Actuator = 5,
    Sensor = 6,
    Light = 7,
    Mesh = 8,
}
