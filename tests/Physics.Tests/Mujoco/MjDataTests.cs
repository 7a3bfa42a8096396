using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Tests.Support;

namespace RiptOrleans.Physics.Tests.Mujoco;

[Trait("Category", "Fast")]
public class MjDataTests
{
    [Fact]
    public void Step_FreeBall_FallsUnderGravity()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        data.Step(100);   // 0.2 s of free fall from z = 1
        Assert.Equal(0.2, data.Time, 9);
        Assert.InRange(data.Qpos[2], 1 - 0.5 * 9.81 * 0.2 * 0.2 - 0.01, 1 - 0.5 * 9.81 * 0.2 * 0.2 + 0.01);
        Assert.True(data.Qvel[2] < -1.9);
        var ball = model.BodyId("ball");
        data.Forward();   // xpos of a step is computed before its integration, so it lags qpos by one step
        Assert.Equal(data.Qpos[2], data.Xpos[3 * ball + 2], 12);
    }

    [Fact]
    public void Step_Substeps_EqualsRepeatedSingleSteps()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var a = new MjData(model);
        using var b = new MjData(model);
        a.Ctrl[0] = 2;
        b.Ctrl[0] = 2;
        a.Step(300);
        for (var i = 0; i < 300; i++)
            b.Step();
        Assert.Equal(a.GetState(), b.GetState());
    }

    [Fact]
    public void Step1Step2_SplitStep_EqualsStep()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var a = new MjData(model);
        using var b = new MjData(model);
        for (var i = 0; i < 50; i++)
        {
            a.Ctrl[0] = 1;
            a.Step();
            b.Step1();
            b.Ctrl[0] = 1;
            b.Step2();
        }
        Assert.Equal(a.Qpos.ToArray(), b.Qpos.ToArray());
        Assert.Equal(a.Qvel.ToArray(), b.Qvel.ToArray());
    }

    [Fact]
    public void Reset_AfterSteps_RestoresReferencePose()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        var initial = data.Qpos.ToArray();
        data.Ctrl[0] = 3;
        data.Step(200);
        Assert.NotEqual(initial, data.Qpos.ToArray());
        data.Reset();
        Assert.Equal(0, data.Time);
        Assert.Equal(initial, data.Qpos.ToArray());
        Assert.All(data.Qvel.ToArray(), v => Assert.Equal(0, v));
        Assert.Equal(0, data.Ctrl[0]);
    }

    [Fact]
    public void Ctrl_MotorPush_MovesSliderWithinRange()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        var adr = model.JointQposAddress(model.JointId("slider"));
        data.Ctrl[0] = 5;
        data.Step(100);
        Assert.True(data.Qpos[adr] > 0.05, $"slider at {data.Qpos[adr]}");
        Assert.True(data.QfrcBias.Length == model.Nv);
    }

    [Fact]
    public void SetState_After200Steps_ReproducesTrajectoryBitForBit()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        data.Step(150);   // the ball is bouncing on the floor: contacts and warm-start matter
        var snapshot = data.GetState();
        Assert.Equal(data.StateSize, snapshot.Length);

        var first = Run(data);
        data.SetState(snapshot);
        Assert.Equal(snapshot, data.GetState());
        var second = Run(data);
        Assert.Equal(first, second);

        // A fresh data restored from the snapshot follows the same trajectory too.
        using var fresh = new MjData(model);
        fresh.SetState(snapshot);
        Assert.Equal(first, Run(fresh));

        static double[] Run(MjData d)
        {
            var trace = new List<double>();
            for (var i = 0; i < 200; i++)
            {
                d.Ctrl[0] = Math.Sin(0.05 * i) * 4;
                d.MocapPos[0] = 0.001 * i;
                d.Step();
                trace.AddRange(d.Qpos.ToArray());
                trace.AddRange(d.Qvel.ToArray());
            }
            return [.. trace];
        }
    }

    [Fact]
    public void SetState_WrongLength_ThrowsNamingSize()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        var e = Assert.Throws<ArgumentException>(() => data.SetState(new double[3]));
        Assert.Contains(data.StateSize.ToString(), e.Message);
    }

    [Fact]
    public void Step_TwoDataOnTwoThreads_MatchSequentialResults()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        double[] Simulate(double push)
        {
            using var d = new MjData(model);
            for (var i = 0; i < 400; i++)
            {
                d.Ctrl[0] = push * Math.Cos(0.02 * i);
                d.Step(2);
            }
            return d.GetState();
        }

        var sequentialA = Simulate(3);
        var sequentialB = Simulate(-2);
        double[]? parallelA = null, parallelB = null;
        var ta = new Thread(() => parallelA = Simulate(3));
        var tb = new Thread(() => parallelB = Simulate(-2));
        ta.Start();
        tb.Start();
        ta.Join();
        tb.Join();
        Assert.Equal(sequentialA, parallelA);
        Assert.Equal(sequentialB, parallelB);
        Assert.NotEqual(sequentialA, sequentialB);
    }

    [Fact]
    public void Contact_BallRestingOnFloor_ReportsFloorAndBall()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        data.Step(1000);   // 2 s: the ball has landed and settled
        Assert.True(data.ContactCount >= 1);
        var c = data.Contact(0);
        var geoms = new[] { c.Geom1, c.Geom2 };
        Assert.Contains(model.GeomId("floor"), geoms);
        Assert.Contains(model.GeomId("ball"), geoms);
        Assert.InRange(c.Dist, -0.01, 0.001);
        Assert.InRange(c.Pos.Z, -0.01, 0.01);
        Assert.Equal(1.0, Math.Abs(c.Normal.Z), 6);
        Assert.Throws<MujocoException>(() => data.Contact(data.ContactCount));
    }

    [Fact]
    public void JacSite_SliderSite_IsUnitAlongSliderDof()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        var nv = model.Nv;
        var jacp = new double[3 * nv];
        var jacr = new double[3 * nv];
        data.JacSite(model.SiteId("cart_site"), jacp, jacr);
        var dof = model.JointDofAddress(model.JointId("slider"));
        Assert.Equal(1.0, jacp[0 * nv + dof], 12);   // x row
        Assert.Equal(0.0, jacp[1 * nv + dof], 12);
        Assert.All(jacr, v => Assert.Equal(0.0, v, 12));
        var jacBody = new double[3 * nv];
        data.JacBody(model.BodyId("ball"), jacBody, Span<double>.Empty);
        Assert.Equal(1.0, jacBody[2 * nv + 2], 12);   // ball z from its free joint's z dof
        Assert.Throws<ArgumentException>(() => data.JacSite(0, new double[2], Span<double>.Empty));
    }

    [Fact]
    public void FullMassMatrix_SliderDof_EqualsCartMass()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        var nv = model.Nv;
        var m = new double[nv * nv];
        data.FullMassMatrix(m);
        var dof = model.JointDofAddress(model.JointId("slider"));
        Assert.Equal(2.0, m[dof * nv + dof], 9);
        Assert.Equal(1.0, m[0], 9);   // ball translation
    }

    [Fact]
    public void Warnings_HugeControlOnLightBody_SurfacesDivergence()
    {
        using var model = MjModel.FromXml(TestScenes.Fragile);
        using var data = new MjData(model);
        Assert.False(data.Warnings.Any);
        data.Ctrl[0] = 1e9;   // 1e13 N on 1 g: qacc far beyond MuJoCo's 1e10 bound
        data.Step(10);
        var w = data.Warnings;
        Assert.True(w.Diverged);
        Assert.True(data.Diverged);
        Assert.True(w.Count(MjWarning.BadQacc) > 0);
        Assert.Equal(0, w.LastInfo(MjWarning.BadQacc));
        Assert.Equal("diverged: BADQACC at dof 0", w.Describe());
        // MuJoCo reset the data itself: nothing non-finite flows on.
        Assert.All(data.Qpos.ToArray(), v => Assert.True(double.IsFinite(v)));
        Assert.All(data.Qvel.ToArray(), v => Assert.True(double.IsFinite(v)));
        data.ClearWarnings();
        Assert.False(data.Warnings.Any);
        Assert.Equal("ok", data.Warnings.Describe());
    }

    [Fact]
    public void Arrays_Shapes_FollowModelSizes()
    {
        using var model = MjModel.FromXml(TestScenes.BallAndSlider);
        using var data = new MjData(model);
        Assert.Equal(model.Nq, data.Qpos.Length);
        Assert.Equal(model.Nv, data.Qvel.Length);
        Assert.Equal(model.Nu, data.Ctrl.Length);
        Assert.Equal(0, data.Act.Length);
        Assert.Equal(model.NBody * 3, data.Xpos.Length);
        Assert.Equal(model.NBody * 4, data.Xquat.Length);
        Assert.Equal(model.NBody * 9, data.Xmat.Length);
        Assert.Equal(model.NSite * 3, data.SiteXpos.Length);
        Assert.Equal(model.NSite * 9, data.SiteXmat.Length);
        Assert.Equal(model.NGeom * 3, data.GeomXpos.Length);
        Assert.Equal(model.NGeom * 9, data.GeomXmat.Length);
        Assert.Equal(model.NMocap * 3, data.MocapPos.Length);
        Assert.Equal(model.NMocap * 4, data.MocapQuat.Length);
        Assert.Equal(model.Nv, data.QfrcApplied.Length);
        Assert.Equal(1.0, data.Xquat[0]);   // world body: identity
    }

    [Fact]
    public void Step_MujocoErrorInsideStep_ThrowsAndDataRecoversAfterReset()
    {
        using var model = MjModel.FromXml(TestScenes.TinyStack, "tiny-stack");
        void Overflow()
        {
            using var data = new MjData(model);
            var e = Assert.Throws<MujocoException>(() => data.Step(1000));
            Assert.Equal(-2, e.Code);
            Assert.Contains("Stack overflow", e.Message);
            Assert.Equal("tiny-stack", e.Input);
            data.Reset();
            data.Step(10);
            Assert.Equal(0.02, data.Time, 12);
        }

        Overflow();
        // mju_error's jump target is per thread: the same on another thread.
        Exception? error = null;
        var t = new Thread(() => error = Record.Exception(Overflow));
        t.Start();
        t.Join();
        Assert.Null(error);
    }
}
