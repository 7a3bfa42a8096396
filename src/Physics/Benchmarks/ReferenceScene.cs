namespace RiptOrleans.Physics.Benchmarks;

/// <summary>
/// The reference tabletop scene of `ript bench physics|render`: a 7-DoF arm with a parallel gripper
/// (position servos), a table, and three free objects resting on it; 500 Hz physics, 25 substeps
/// per control step (LIBERO's 20 Hz control). Kept in this one place so the scene builder's Panda
/// scene can replace it.
/// </summary>
public static class ReferenceScene
{
    /// <summary>Physics steps per control step.</summary>
    public const int Substeps = 25;

    /// <summary>The keyframe holding the home pose of the arm and the resting objects.</summary>
    public const int HomeKeyframe = 0;

    /// <summary>The end-effector site whose pose is part of the observation.</summary>
    public const string GripSite = "grip_site";

    /// <summary>The third-person camera.</summary>
    public const string AgentCamera = "agentview";

    /// <summary>The camera in the hand.</summary>
    public const string WristCamera = "wrist";

    public const string Xml = """
<mujoco model="reference_tabletop">
  <compiler angle="radian" autolimits="true"/>
  <option timestep="0.002"/>
  <visual>
    <global offwidth="640" offheight="480"/>
    <headlight ambient="0.3 0.3 0.3" diffuse="0.5 0.5 0.5"/>
  </visual>
  <default>
    <joint damping="5" armature="0.05"/>
    <geom friction="1 0.005 0.0001" solref="0.01 1"/>
    <position kp="300" ctrlrange="-3 3"/>
    <default class="link">
      <geom type="capsule" size="0.045" rgba="0.92 0.92 0.95 1" mass="1.5"/>
    </default>
    <default class="finger">
      <joint type="slide" axis="0 1 0" range="0 0.04" damping="10"/>
      <geom type="box" size="0.008 0.01 0.025" rgba="0.2 0.2 0.2 1" mass="0.05" friction="2 0.01 0.001"/>
    </default>
  </default>
  <asset>
    <texture name="grid" type="2d" builtin="checker" rgb1="0.3 0.35 0.4" rgb2="0.25 0.3 0.35" width="128" height="128"/>
    <material name="floor" texture="grid" texrepeat="8 8"/>
    <material name="wood" rgba="0.6 0.45 0.3 1"/>
  </asset>
  <worldbody>
    <light name="sun" directional="true" pos="0 0 3" dir="0 0.3 -1" diffuse="0.7 0.7 0.7"/>
    <geom name="floor" type="plane" size="3 3 0.1" material="floor"/>
    <camera name="agentview" pos="0.95 0 1.15" xyaxes="0 1 0 -0.55 0 0.83" fovy="50"/>
    <body name="table" pos="0 0 0.2">
      <geom name="table_top" type="box" size="0.4 0.6 0.2" material="wood" mass="50"/>
    </body>
    <body name="link0" pos="-0.55 0 0.4">
      <geom name="pedestal" type="cylinder" size="0.08 0.2" pos="0 0 -0.2" rgba="0.3 0.3 0.3 1"/>
      <geom class="link" fromto="0 0 0 0 0 0.15" size="0.06"/>
      <body name="link1" pos="0 0 0.15">
        <joint name="joint1" axis="0 0 1" range="-2.9 2.9"/>
        <geom class="link" fromto="0 0 0 0 0 0.18"/>
        <body name="link2" pos="0 0 0.18">
          <joint name="joint2" axis="0 1 0" range="-1.76 1.76"/>
          <geom class="link" fromto="0 0 0 0 0 0.3"/>
          <body name="link3" pos="0 0 0.3">
            <joint name="joint3" axis="0 0 1" range="-2.9 2.9"/>
            <geom class="link" fromto="0 0 0 0 0 0.05" size="0.04"/>
            <body name="link4" pos="0 0 0.05">
              <joint name="joint4" axis="0 1 0" range="-0.1 3.0"/>
              <geom class="link" fromto="0 0 0 0 0 0.3" size="0.04"/>
              <body name="link5" pos="0 0 0.3">
                <joint name="joint5" axis="0 0 1" range="-2.9 2.9"/>
                <geom class="link" fromto="0 0 0 0 0 0.05" size="0.035"/>
                <body name="link6" pos="0 0 0.05">
                  <joint name="joint6" axis="0 1 0" range="-0.1 3.7"/>
                  <geom class="link" fromto="0 0 0 0 0 0.08" size="0.035"/>
                  <body name="hand" pos="0 0 0.08">
                    <joint name="joint7" axis="0 0 1" range="-2.9 2.9"/>
                    <geom name="hand" type="box" size="0.02 0.06 0.02" pos="0 0 0.02" rgba="0.9 0.9 0.9 1" mass="0.6"/>
                    <camera name="wrist" pos="0.05 0 0.02" quat="0 1 0 0" fovy="75"/>
                    <site name="grip_site" pos="0 0 0.1" size="0.01" rgba="1 0 0 1"/>
                    <body name="finger_left" pos="0 0 0.065">
                      <joint name="finger_left" class="finger"/>
                      <geom name="finger_left" class="finger" pos="0 0.01 0"/>
                    </body>
                    <body name="finger_right" pos="0 0 0.065">
                      <joint name="finger_right" class="finger" axis="0 -1 0"/>
                      <geom name="finger_right" class="finger" pos="0 -0.01 0"/>
                    </body>
                  </body>
                </body>
              </body>
            </body>
          </body>
        </body>
      </body>
    </body>
    <body name="cube" pos="0.05 -0.15 0.425">
      <freejoint name="cube"/>
      <geom name="cube" type="box" size="0.025 0.025 0.025" rgba="0.85 0.2 0.2 1" mass="0.1"/>
    </body>
    <body name="can" pos="0.1 0.12 0.43">
      <freejoint name="can"/>
      <geom name="can" type="cylinder" size="0.03 0.03" rgba="0.2 0.6 0.85 1" mass="0.15"/>
    </body>
    <body name="block" pos="0.2 -0.02 0.42">
      <freejoint name="block"/>
      <geom name="block" type="box" size="0.05 0.03 0.02" rgba="0.3 0.8 0.3 1" mass="0.12"/>
    </body>
  </worldbody>
  <equality>
    <joint name="finger_coupling" joint1="finger_right" joint2="finger_left" polycoef="0 1 0 0 0"/>
  </equality>
  <actuator>
    <position name="joint1" joint="joint1" ctrlrange="-2.9 2.9"/>
    <position name="joint2" joint="joint2" ctrlrange="-1.76 1.76"/>
    <position name="joint3" joint="joint3" ctrlrange="-2.9 2.9"/>
    <position name="joint4" joint="joint4" ctrlrange="-0.1 3.0"/>
    <position name="joint5" joint="joint5" ctrlrange="-2.9 2.9"/>
    <position name="joint6" joint="joint6" ctrlrange="-0.1 3.7" kp="150"/>
    <position name="joint7" joint="joint7" ctrlrange="-2.9 2.9" kp="100"/>
    <position name="gripper" joint="finger_left" ctrlrange="0 0.04" kp="200"/>
  </actuator>
  <keyframe>
    <key name="home"
         qpos="0 0.5 0 1.6 0 1.0 0  0.03 0.03
               0.05 -0.15 0.425 1 0 0 0
               0.1 0.12 0.43 1 0 0 0
               0.2 -0.02 0.42 1 0 0 0"
         ctrl="0 0.5 0 1.6 0 1.0 0 0.03"/>
  </keyframe>
</mujoco>
""";
}
