using RiptOrleans.Physics.Native;

namespace RiptOrleans.Physics.Mujoco;

/// <summary>The simulation state of one environment (mjData) over a shared <see cref="MjModel"/>; use it from one thread at a time.</summary>
public sealed unsafe class MjData : IDisposable
{
    private readonly DataHandle _handle;
    private readonly nint[] _fields;
    private readonly int[] _fieldLengths;
    private readonly int* _warnings;
    private readonly int _warningCount;

    /// <summary>Allocates data for a model, reset to its reference pose with derived quantities computed. Keeps the model alive.</summary>
    public MjData(MjModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ObjectDisposedException.ThrowIf(model.IsDisposed, model);
        Model = model;
        MujocoNative.Check(MujocoNative.rm_data_new(model.Handle, out _handle), model.Source);
        _handle.KeepAlive(model.Handle);
        var n = Enum.GetValues<MjDataField>().Length;
        _fields = new nint[n];
        _fieldLengths = new int[n];
        // mjData allocates one arena at creation, so these pointers hold for the data's lifetime.
        for (var i = 0; i < n; i++)
        {
            MujocoNative.Check(MujocoNative.rm_data_field(model.Handle, _handle, i, out var ptr, out var rows, out var cols), model.Source);
            _fields[i] = (nint)ptr;
            _fieldLengths[i] = rows * cols;
        }
        MujocoNative.Check(MujocoNative.rm_data_warnings(_handle, out _warnings, out _warningCount), model.Source);
        StateSize = StateSizeOf(model);
    }

    /// <summary>The model this data simulates.</summary>
    public MjModel Model { get; }

    internal DataHandle Handle => _handle;

    /// <summary>Simulation time in seconds.</summary>
    public double Time
    {
        get
        {
            Check(MujocoNative.rm_data_get_time(_handle, out var t));
            return t;
        }
        set => Check(MujocoNative.rm_data_set_time(_handle, value));
    }

    // ---- simulation --------------------------------------------------------------------------

    /// <summary>One mj_step.</summary>
    public void Step() => Check(MujocoNative.rm_data_step(Model.Handle, _handle, 1));

    /// <summary>substeps mj_step calls in one native call (one control step).</summary>
    public void Step(int substeps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(substeps);
        Check(MujocoNative.rm_data_step(Model.Handle, _handle, substeps));
    }

    /// <summary>mj_step1: the part of a step before controls are set.</summary>
    public void Step1() => Check(MujocoNative.rm_data_step1(Model.Handle, _handle));

    /// <summary>mj_step2: the rest of the step after controls are set.</summary>
    public void Step2() => Check(MujocoNative.rm_data_step2(Model.Handle, _handle));

    /// <summary>mj_forward: derived quantities of the current state, no time advance.</summary>
    public void Forward() => Check(MujocoNative.rm_data_forward(Model.Handle, _handle));

    /// <summary>Back to the reference pose (mj_resetData, then mj_forward); clears the warnings too.</summary>
    public void Reset() => Check(MujocoNative.rm_data_reset(Model.Handle, _handle));

    /// <summary>Back to keyframe key (mj_resetDataKeyframe, then mj_forward).</summary>
    public void ResetToKeyframe(int key) => Check(MujocoNative.rm_data_reset_keyframe(Model.Handle, _handle, key));

    // ---- arrays (views of native memory, no copies) ------------------------------------------

    public Span<double> Qpos => Field(MjDataField.Qpos);
    public Span<double> Qvel => Field(MjDataField.Qvel);
    public Span<double> Act => Field(MjDataField.Act);
    public Span<double> Ctrl => Field(MjDataField.Ctrl);
    public Span<double> QfrcApplied => Field(MjDataField.QfrcApplied);
    /// <summary>Cartesian force and torque applied to each body (nbody x 6).</summary>
    public Span<double> XfrcApplied => Field(MjDataField.XfrcApplied);
    public Span<double> Qacc => Field(MjDataField.Qacc);
    public Span<double> QaccWarmstart => Field(MjDataField.QaccWarmstart);
    public Span<double> QfrcBias => Field(MjDataField.QfrcBias);
    public Span<double> QfrcActuator => Field(MjDataField.QfrcActuator);
    public Span<double> ActuatorForce => Field(MjDataField.ActuatorForce);
    /// <summary>Body frame positions (nbody x 3).</summary>
    public Span<double> Xpos => Field(MjDataField.Xpos);
    /// <summary>Body frame orientations as quaternions w, x, y, z (nbody x 4).</summary>
    public Span<double> Xquat => Field(MjDataField.Xquat);
    /// <summary>Body frame orientations, row-major (nbody x 9).</summary>
    public Span<double> Xmat => Field(MjDataField.Xmat);
    /// <summary>Body centre-of-mass positions (nbody x 3).</summary>
    public Span<double> Xipos => Field(MjDataField.Xipos);
    public Span<double> SiteXpos => Field(MjDataField.SiteXpos);
    public Span<double> SiteXmat => Field(MjDataField.SiteXmat);
    public Span<double> GeomXpos => Field(MjDataField.GeomXpos);
    public Span<double> GeomXmat => Field(MjDataField.GeomXmat);
    public Span<double> CamXpos => Field(MjDataField.CamXpos);
    public Span<double> CamXmat => Field(MjDataField.CamXmat);
    public Span<double> SensorData => Field(MjDataField.Sensordata);
    public Span<double> MocapPos => Field(MjDataField.MocapPos);
    public Span<double> MocapQuat => Field(MjDataField.MocapQuat);
    public Span<double> UserData => Field(MjDataField.Userdata);

    internal Span<double> Field(MjDataField field)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        return new Span<double>((void*)_fields[(int)field], _fieldLengths[(int)field]);
    }

    // ---- contacts ----------------------------------------------------------------------------

    /// <summary>Number of contacts found by the last step or forward.</summary>
    public int ContactCount
    {
        get
        {
            Check(MujocoNative.rm_data_contact_count(_handle, out var n));
            return n;
        }
    }

    /// <summary>Contact i of the current state.</summary>
    public MjContact Contact(int i)
    {
        var pos = stackalloc double[3];
        var frame = stackalloc double[9];
        Check(MujocoNative.rm_data_contact(_handle, i, out var g1, out var g2, out var dist, pos, frame));
        return new MjContact(g1, g2, dist, (pos[0], pos[1], pos[2]), (frame[0], frame[1], frame[2]));
    }

    // ---- kinematics and dynamics -------------------------------------------------------------

    /// <summary>Site Jacobians (3 x nv each, row-major) at the current state; pass an empty span to skip one.</summary>
    public void JacSite(int siteId, Span<double> jacp, Span<double> jacr)
    {
        CheckJacobian(jacp, nameof(jacp));
        CheckJacobian(jacr, nameof(jacr));
        fixed (double* p = jacp)
        fixed (double* r = jacr)
            Check(MujocoNative.rm_data_jac_site(Model.Handle, _handle, siteId, jacp.IsEmpty ? null : p, jacr.IsEmpty ? null : r));
    }

    /// <summary>Body-frame Jacobians (3 x nv each, row-major); pass an empty span to skip one.</summary>
    public void JacBody(int bodyId, Span<double> jacp, Span<double> jacr)
    {
        CheckJacobian(jacp, nameof(jacp));
        CheckJacobian(jacr, nameof(jacr));
        fixed (double* p = jacp)
        fixed (double* r = jacr)
            Check(MujocoNative.rm_data_jac_body(Model.Handle, _handle, bodyId, jacp.IsEmpty ? null : p, jacr.IsEmpty ? null : r));
    }

    /// <summary>The dense joint-space inertia matrix (nv x nv, row-major) of the last forward/step.</summary>
    public void FullMassMatrix(Span<double> m)
    {
        var nv = Model.Nv;
        if (m.Length != nv * nv)
            throw new ArgumentException($"mass matrix buffer must hold nv*nv = {nv * nv} doubles, got {m.Length}", nameof(m));
        fixed (double* p = m)
            Check(MujocoNative.rm_data_full_mass(Model.Handle, _handle, p));
    }

    private void CheckJacobian(Span<double> jac, string name)
    {
        if (!jac.IsEmpty && jac.Length != 3 * Model.Nv)
            throw new ArgumentException($"Jacobian buffer must hold 3*nv = {3 * Model.Nv} doubles or be empty, got {jac.Length}", name);
    }

    // ---- full-state snapshots ----------------------------------------------------------------

    /// <summary>Doubles in a snapshot: time, qpos, qvel, act, ctrl, qacc_warmstart, qfrc_applied, xfrc_applied, mocap_pos, mocap_quat, userdata.</summary>
    public int StateSize { get; }

    internal static int StateSizeOf(MjModel model)
    {
        MujocoNative.Check(MujocoNative.rm_data_state_size(model.Handle, out var n), model.Source);
        return n;
    }

    /// <summary>A copy of the full state; <see cref="SetState"/> with the same controls then reproduces the trajectory bit for bit.</summary>
    public double[] GetState()
    {
        var state = new double[StateSize];
        GetState(state);
        return state;
    }

    /// <summary>Copies the full state into a caller buffer of <see cref="StateSize"/> doubles.</summary>
    public void GetState(Span<double> state)
    {
        if (state.Length != StateSize)
            throw new ArgumentException($"state must hold {StateSize} doubles, got {state.Length}", nameof(state));
        fixed (double* p = state)
            Check(MujocoNative.rm_data_get_state(Model.Handle, _handle, p, state.Length));
    }

    /// <summary>Restores a full state from <see cref="GetState()"/> and recomputes derived quantities.</summary>
    public void SetState(ReadOnlySpan<double> state)
    {
        if (state.Length != StateSize)
            throw new ArgumentException($"state must hold {StateSize} doubles, got {state.Length}", nameof(state));
        fixed (double* p = state)
            Check(MujocoNative.rm_data_set_state(Model.Handle, _handle, p, state.Length));
    }

    // ---- warnings ----------------------------------------------------------------------------

    /// <summary>A snapshot of MuJoCo's warning counters for this data.</summary>
    public MjWarnings Warnings
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            var counts = new int[_warningCount];
            var info = new int[_warningCount];
            for (var i = 0; i < _warningCount; i++)
            {
                info[i] = _warnings[2 * i];
                counts[i] = _warnings[2 * i + 1];
            }
            return new MjWarnings(counts, info);
        }
    }

    /// <summary>True when MuJoCo flagged a bad qpos, qvel or qacc since the last reset or clear (no allocation).</summary>
    public bool Diverged
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _warnings[2 * (int)MjWarning.BadQpos + 1] > 0
                || _warnings[2 * (int)MjWarning.BadQvel + 1] > 0
                || _warnings[2 * (int)MjWarning.BadQacc + 1] > 0;
        }
    }

    /// <summary>Zeroes the warning counters.</summary>
    public void ClearWarnings() => Check(MujocoNative.rm_data_clear_warnings(_handle));

    // ---- bench reference ---------------------------------------------------------------------

    /// <summary>The physics bench's denominator: nctrl x nsub mj_step calls in a bare C loop; returns wall seconds.</summary>
    public double BenchStepLoop(int nctrl, int nsub)
    {
        Check(MujocoNative.rm_bench_step_loop(Model.Handle, _handle, nctrl, nsub, out var seconds));
        return seconds;
    }

    /// <summary>
    /// The per-suite env bench's denominator: <paramref name="steps"/> mj_step calls in a bare C loop, each after copying that
    /// physics step's recorded ctrl (steps x nu) and mocap pose (steps x 3·nmocap, steps x 4·nmocap); returns wall seconds.
    /// </summary>
    public double BenchReplay(ReadOnlySpan<double> ctrl, ReadOnlySpan<double> mocapPos, ReadOnlySpan<double> mocapQuat, int steps)
    {
        var nu = Ctrl.Length;
        var nmocap = MocapPos.Length / 3;
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 0");
        if (ctrl.Length != steps * nu) throw new ArgumentException($"ctrl must hold steps*nu = {steps * nu} doubles, got {ctrl.Length}", nameof(ctrl));
        if (mocapPos.Length != steps * 3 * nmocap) throw new ArgumentException($"mocapPos must hold {steps * 3 * nmocap} doubles, got {mocapPos.Length}", nameof(mocapPos));
        if (mocapQuat.Length != steps * 4 * nmocap) throw new ArgumentException($"mocapQuat must hold {steps * 4 * nmocap} doubles, got {mocapQuat.Length}", nameof(mocapQuat));
        double seconds;
        fixed (double* c = ctrl)
        fixed (double* p = mocapPos)
        fixed (double* q = mocapQuat)
            Check(MujocoNative.rm_bench_replay(Model.Handle, _handle, c, p, q, steps, out seconds));
        return seconds;
    }

    private void Check(int status)
    {
        if (status != MujocoNative.RM_OK)
            throw new MujocoException(status, MujocoNative.LastError(), Model.Source);
    }

    public void Dispose() => _handle.Dispose();
}
