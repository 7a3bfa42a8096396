namespace RiptOrleans.Physics.Tests.Support;

/// <summary>Tiny MJCF scenes the physics tests embed.</summary>
internal static class TestScenes
{
    /// <summary>A ball on a free joint above a floor, a slider driven by a motor, two cameras and a site.</summary>
    public const string BallAndSlider = """
<mujoco model="ball_and_slider">
  <option timestep="0.002"/>
  <worldbody>
    <light name="top" pos="0 0 3" dir="0 0 -1" directional="true"/>
    <geom name="floor" type="plane" size="2 2 0.1" rgba="0.2 0.6 0.2 1"/>
    <camera name="above" pos="0 0 2.5" xyaxes="1 0 0 0 1 0"/>
    <camera name="side" pos="2.5 0 0.5" xyaxes="0 1 0 0 0 1"/>
    <body name="ball" pos="0 0 1">
      <freejoint name="ball_free"/>
      <geom name="ball" type="sphere" size="0.1" rgba="0.9 0.1 0.1 1" mass="1"/>
      <site name="ball_site" pos="0 0 0.1"/>
    </body>
    <body name="cart" pos="0.5 0.5 0.2">
      <joint name="slider" type="slide" axis="1 0 0" range="-0.4 0.4" limited="true"/>
      <geom name="cart" type="box" size="0.05 0.05 0.05" rgba="0.1 0.1 0.9 1" mass="2" contype="0" conaffinity="0"/>
      <site name="cart_site" pos="0 0 0.05"/>
    </body>
    <body name="target" mocap="true" pos="-0.5 -0.5 0.3">
      <geom name="target" type="box" size="0.03 0.03 0.03" contype="0" conaffinity="0" rgba="1 1 0 1"/>
    </body>
  </worldbody>
  <actuator>
    <motor name="push" joint="slider" gear="1" ctrllimited="true" ctrlrange="-5 5"/>
  </actuator>
</mujoco>
""";

    /// <summary>A 1 g body on a slider driven by a motor with a huge gear: any large control blows it up.</summary>
    public const string Fragile = """
<mujoco model="fragile">
  <option timestep="0.002"/>
  <worldbody>
    <body name="flea" pos="0 0 0.5">
      <joint name="slide" type="slide" axis="1 0 0"/>
      <geom type="sphere" size="0.01" mass="0.001"/>
    </body>
  </worldbody>
  <actuator>
    <motor name="kick" joint="slide" gear="10000"/>
  </actuator>
</mujoco>
""";

    /// <summary>A box resting on a floor, seen by one camera looking horizontally (floor below the horizon, empty above).</summary>
    public const string Horizon = """
<mujoco model="horizon">
  <visual><rgba haze="0 0 0 1"/></visual>
  <worldbody>
    <light pos="0 0 3" dir="0 0 -1" directional="true"/>
    <geom name="floor" type="plane" size="5 5 0.1" rgba="0.9 0.1 0.1 1"/>
    <camera name="level" pos="0 -3 0.3" xyaxes="1 0 0 0 0 1"/>
    <body name="box" pos="0 0 0.1">
      <freejoint/>
      <geom type="box" size="0.1 0.1 0.1" rgba="0.1 0.1 0.9 1"/>
    </body>
  </worldbody>
</mujoco>
""";

    /// <summary>Two boxes falling onto a floor with a tiny MuJoCo stack: contacts overflow it, and mju_error fires.</summary>
    public const string TinyStack = """
<mujoco model="tiny_stack">
  <size nstack="400"/>
  <worldbody>
    <geom type="plane" size="1 1 0.1"/>
    <body pos="0 0 0.5"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
    <body pos="0.1 0 0.8"><freejoint/><geom type="box" size="0.1 0.1 0.1"/></body>
  </worldbody>
</mujoco>
""";
}
