using RiptOrleans.Physics.Geometry;
using RiptOrleans.Physics.Mujoco;
using RiptOrleans.Physics.Robots;

namespace RiptOrleans.Physics.Controllers;

/// <summary>Operational-space control of the grip site's pose from 6-D delta actions (robosuite 1.4 OSC_POSE, spec A4).</summary>
/// <remarks>
/// Call <see cref="SetGoal"/> once per control step (20 Hz) and <see cref="Apply"/> once per physics substep between
/// <c>Step1</c> and <c>Step2</c>, when kinematics, the mass matrix and bias forces are fresh for the current state.
/// Allocation-free after construction: it runs 500 times per simulated second per environment.
/// </remarks>
public sealed class OscPoseController
{
    public const double PositionScale = 0.05;
    public const double RotationScale = 0.5;
    public const double Kp = 150;
    public const double NullspaceKp = 10;
    private const int N = PandaArm.ArmDofs;
    private const double SingularThreshold = 2.5e-4;

    private static readonly double Kv = 2 * Math.Sqrt(Kp);
    private static readonly double NullspaceKv = 2 * Math.Sqrt(NullspaceKp);

    private readonly int _site;
    private readonly int _nv;
    private readonly int[] _qposAdr = new int[N];
    private readonly int[] _dofAdr = new int[N];
    private readonly int[] _motor = new int[N];
    private readonly double[] _limit = new double[N];
    private readonly double[] _q0 = new double[N];

    // Scratch, sized once.
    private readonly double[] _jacp;
    private readonly double[] _jacr;
    private readonly double[] _fullM;
    private readonly double[] _m = new double[N * N];
    private readonly double[] _chol = new double[N * N];
    private readonly double[] _j = new double[6 * N];
    private readonly double[] _minvJt = new double[N * 6];
    private readonly double[] _a = new double[36];
    private readonly double[] _lambda = new double[36];
    private readonly double[] _lambdaPos = new double[9];
    private readonly double[] _lambdaOri = new double[9];
    private readonly double[] _goalRot = new double[9];
    private readonly double[] _rot = new double[9];
    private readonly double[] _tmp9 = new double[9];
    private Vec3 _goalPos;

    public OscPoseController(MjModel model)
    {
        _site = model.SiteId(PandaArm.GripSite);
        _nv = model.Nv;
        for (var i = 0; i < N; i++)
        {
            var joint = model.JointId(PandaArm.JointName(i));
            _qposAdr[i] = model.JointQposAddress(joint);
            _dofAdr[i] = model.JointDofAddress(joint);
            _motor[i] = model.ActuatorId(PandaArm.MotorName(i));
            _limit[i] = model.ActuatorCtrlRange(_motor[i]).Hi;
        }
        _jacp = new double[3 * _nv];
        _jacr = new double[3 * _nv];
        _fullM = new double[_nv * _nv];
    }

    /// <summary>Holds the current pose and takes the current joints as the null-space posture.</summary>
    public void Reset(MjData data)
    {
        var qpos = data.Qpos;
        for (var i = 0; i < N; i++) _q0[i] = qpos[_qposAdr[i]];
        _goalPos = Vec3.From(data.SiteXpos, _site);
        data.SiteXmat.Slice(9 * _site, 9).CopyTo(_goalRot);
    }

    /// <summary>Sets the goal from a 6-D action in [-1, 1] (clipped): Δp = 0.05·a[0:3] m, Δr = 0.5·a[3:6] rad (world frame).</summary>
    public void SetGoal(MjData data, ReadOnlySpan<double> action)
    {
        var a = new Vec3(Clip(action[0]), Clip(action[1]), Clip(action[2]));
        _goalPos = Vec3.From(data.SiteXpos, _site) + a * PositionScale;
        var dr = new Vec3(Clip(action[3]), Clip(action[4]), Clip(action[5])) * RotationScale;
        if (dr.Norm > 0)
        {
            Span<double> delta = stackalloc double[9];
            Rotation.FromAxisAngle(dr, delta);
            Rotation.Multiply(delta, data.SiteXmat.Slice(9 * _site, 9), _goalRot);
        }
    }

    private static double Clip(double v) => double.IsFinite(v) ? Math.Clamp(v, -1, 1) : 0;

    /// <summary>Computes the arm torques for the current substep and writes them to the motors.</summary>
    public void Apply(MjData data)
    {
        data.JacSite(_site, _jacp, _jacr);
        data.FullMassMatrix(_fullM);
        var qvel = data.Qvel;
        var qpos = data.Qpos;
        var bias = data.QfrcBias;

        // Arm block of J (6 x 7) and M (7 x 7).
        for (var r = 0; r < 3; r++)
            for (var c = 0; c < N; c++)
            {
                _j[r * N + c] = _jacp[r * _nv + _dofAdr[c]];
                _j[(r + 3) * N + c] = _jacr[r * _nv + _dofAdr[c]];
            }
        for (var r = 0; r < N; r++)
            for (var c = 0; c < N; c++)
                _m[r * N + c] = _fullM[_dofAdr[r] * _nv + _dofAdr[c]];
        _m.CopyTo(_chol, 0);
        if (!DenseMatrix.Cholesky(_chol, N))
            return; // Not SPD only when the state is already invalid; divergence detection ends the episode.

        // M⁻¹ Jᵀ column by column, then A = J M⁻¹ Jᵀ (6 x 6).
        Span<double> col = stackalloc double[N];
        for (var k = 0; k < 6; k++)
        {
            for (var i = 0; i < N; i++) col[i] = _j[k * N + i];
            DenseMatrix.CholeskySolve(_chol, N, col);
            for (var i = 0; i < N; i++) _minvJt[i * 6 + k] = col[i];
        }
        for (var r = 0; r < 6; r++)
            for (var c = 0; c < 6; c++)
            {
                var s = 0.0;
                for (var i = 0; i < N; i++) s += _j[r * N + i] * _minvJt[i * 6 + c];
                _a[r * 6 + c] = s;
            }
        Span<double> block = stackalloc double[9];
        for (var part = 0; part < 2; part++)
        {
            for (var r = 0; r < 3; r++)
                for (var c = 0; c < 3; c++)
                    block[r * 3 + c] = _a[(r + 3 * part) * 6 + c + 3 * part];
            DenseMatrix.SymmetricPseudoInverse(block, 3, part == 0 ? _lambdaPos : _lambdaOri, SingularThreshold);
        }
        // Λ = (J M⁻¹ Jᵀ)⁻¹; the eigen-decomposition is only needed near singular configurations.
        if (!DenseMatrix.SpdInverse(_a, 6, _lambda))
            DenseMatrix.SymmetricPseudoInverse(_a, 6, _lambda, SingularThreshold);

        // Pose errors and end-effector twist.
        var pos = Vec3.From(data.SiteXpos, _site);
        data.SiteXmat.Slice(9 * _site, 9).CopyTo(_rot);
        Span<double> twist = stackalloc double[6];
        for (var r = 0; r < 6; r++)
        {
            var s = 0.0;
            for (var i = 0; i < N; i++) s += _j[r * N + i] * qvel[_dofAdr[i]];
            twist[r] = s;
        }
        var ep = _goalPos - pos;
        Rotation.MultiplyTransposed(_goalRot, _rot, _tmp9);
        var eo = Rotation.ToAxisAngle(_tmp9);
        Span<double> force = [Kp * ep.X - Kv * twist[0], Kp * ep.Y - Kv * twist[1], Kp * ep.Z - Kv * twist[2]];
        Span<double> torque = [Kp * eo.X - Kv * twist[3], Kp * eo.Y - Kv * twist[4], Kp * eo.Z - Kv * twist[5]];
        Span<double> wrench = stackalloc double[6];
        for (var r = 0; r < 3; r++)
        {
            wrench[r] = _lambdaPos[r * 3] * force[0] + _lambdaPos[r * 3 + 1] * force[1] + _lambdaPos[r * 3 + 2] * force[2];
            wrench[r + 3] = _lambdaOri[r * 3] * torque[0] + _lambdaOri[r * 3 + 1] * torque[1] + _lambdaOri[r * 3 + 2] * torque[2];
        }

        // τ = Jᵀ w + bias, then the null-space posture term Nᵀ M (kn (q0 − q) − kv q̇) with N = I − J̄ J, J̄ = M⁻¹ Jᵀ Λ.
        Span<double> tau = stackalloc double[N];
        Span<double> posture = stackalloc double[N];
        for (var i = 0; i < N; i++)
        {
            var s = bias[_dofAdr[i]];
            for (var r = 0; r < 6; r++) s += _j[r * N + i] * wrench[r];
            tau[i] = s;
            var qi = qpos[_qposAdr[i]];
            col[i] = NullspaceKp * (_q0[i] - qi) - NullspaceKv * qvel[_dofAdr[i]];
        }
        for (var i = 0; i < N; i++)
        {
            var s = 0.0;
            for (var k = 0; k < N; k++) s += _m[i * N + k] * col[k];
            posture[i] = s;
        }
        // Nᵀ p = p − Jᵀ Λ (M⁻¹ Jᵀ)ᵀ p = p − Jᵀ Λ (J M⁻¹ p)... with J̄ᵀ = Λ J M⁻¹: Nᵀ p = p − Jᵀ (J̄ᵀ p).
        Span<double> jbarTp = stackalloc double[6];
        Span<double> tmp6 = stackalloc double[6];
        for (var r = 0; r < 6; r++)
        {
            var s = 0.0;
            for (var i = 0; i < N; i++) s += _minvJt[i * 6 + r] * posture[i];
            tmp6[r] = s;
        }
        for (var r = 0; r < 6; r++)
        {
            var s = 0.0;
            for (var c = 0; c < 6; c++) s += _lambda[r * 6 + c] * tmp6[c];
            jbarTp[r] = s;
        }
        var ctrl = data.Ctrl;
        for (var i = 0; i < N; i++)
        {
            var s = posture[i];
            for (var r = 0; r < 6; r++) s -= _j[r * N + i] * jbarTp[r];
            var t = tau[i] + s;
            ctrl[_motor[i]] = double.IsFinite(t) ? Math.Clamp(t, -_limit[i], _limit[i]) : 0;
        }
    }
}
