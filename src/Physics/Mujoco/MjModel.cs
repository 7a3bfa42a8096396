using RiptOrleans.Physics.Native;
using Serilog;

namespace RiptOrleans.Physics.Mujoco;

/// <summary>One compiled MuJoCo model (mjModel): read-only after load and shared by every <see cref="MjData"/> made from it.</summary>
public sealed unsafe class MjModel : IDisposable
{
    private static readonly ILogger Logger = Log.ForContext<MjModel>();

    private readonly int[] _sizes;
    private readonly nint[] _fields;
    private readonly int[] _fieldLengths;
    private volatile bool _disposed;

    private MjModel(ModelHandle handle, string source)
    {
        Handle = handle;
        Source = source;
        var nsizes = Enum.GetValues<MjModelSize>().Length;
        _sizes = new int[nsizes];
        for (var i = 0; i < nsizes; i++)
        {
            MujocoNative.Check(MujocoNative.rm_model_size(handle, i, out var v), source);
            _sizes[i] = v;
        }
        var nfields = Enum.GetValues<MjModelField>().Length;
        _fields = new nint[nfields];
        _fieldLengths = new int[nfields];
        for (var i = 0; i < nfields; i++)
        {
            MujocoNative.Check(MujocoNative.rm_model_field(handle, i, out var ptr, out var rows, out var cols, out _), source);
            _fields[i] = (nint)ptr;
            _fieldLengths[i] = rows * cols;
        }
    }

    internal ModelHandle Handle { get; }

    /// <summary>Where the model came from: a file path or the source name given to <see cref="FromXml"/>.</summary>
    public string Source { get; }

    /// <summary>Compiles an MJCF document held in a string; <paramref name="source"/> names it in errors.</summary>
    public static MjModel FromXml(string xml, string source = "<string>")
    {
        ArgumentNullException.ThrowIfNull(xml);
        MujocoFields.Verify();
        var status = MujocoNative.rm_model_load_xml(xml, out var handle);
        if (status != MujocoNative.RM_OK)
        {
            var message = MujocoNative.LastError();
            handle.Dispose();
            throw new MujocoException(status, message, source);
        }
        var model = new MjModel(handle, source);
        Logger.Debug("Loaded model {Source}: nq={Nq} nv={Nv} nu={Nu}", source, model.Nq, model.Nv, model.Nu);
        return model;
    }

    /// <summary>Loads an MJCF (.xml) or binary (.mjb) model file; the exception names the path.</summary>
    public static MjModel FromFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        MujocoFields.Verify();
        var status = MujocoNative.rm_model_load_file(path, out var handle);
        if (status != MujocoNative.RM_OK)
        {
            var message = MujocoNative.LastError();
            handle.Dispose();
            throw new MujocoException(status, message, path);
        }
        var model = new MjModel(handle, path);
        Logger.Debug("Loaded model {Source}: nq={Nq} nv={Nv} nu={Nu}", path, model.Nq, model.Nv, model.Nu);
        return model;
    }

    public int Nq => Size(MjModelSize.Nq);
    public int Nv => Size(MjModelSize.Nv);
    public int Nu => Size(MjModelSize.Nu);
    public int Na => Size(MjModelSize.Na);
    public int NBody => Size(MjModelSize.Nbody);
    public int NJnt => Size(MjModelSize.Njnt);
    public int NGeom => Size(MjModelSize.Ngeom);
    public int NSite => Size(MjModelSize.Nsite);
    public int NCam => Size(MjModelSize.Ncam);
    public int NSensor => Size(MjModelSize.Nsensor);
    public int NSensorData => Size(MjModelSize.Nsensordata);
    public int NMocap => Size(MjModelSize.Nmocap);
    public int NUserData => Size(MjModelSize.Nuserdata);
    public int NKey => Size(MjModelSize.Nkey);

    /// <summary>Simulation timestep in seconds. Setting it changes every data of this model: do it before stepping starts.</summary>
    public double Timestep
    {
        get
        {
            MujocoNative.Check(MujocoNative.rm_model_get_timestep(Handle, out var t), Source);
            return t;
        }
        set => MujocoNative.Check(MujocoNative.rm_model_set_timestep(Handle, value), Source);
    }

    internal int Size(MjModelSize size) => _sizes[(int)size];

    internal ReadOnlySpan<int> IntField(MjModelField field)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ReadOnlySpan<int>((void*)_fields[(int)field], _fieldLengths[(int)field]);
    }

    internal ReadOnlySpan<double> NumField(MjModelField field)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ReadOnlySpan<double>((void*)_fields[(int)field], _fieldLengths[(int)field]);
    }

    internal ReadOnlySpan<byte> ByteField(MjModelField field)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new ReadOnlySpan<byte>((void*)_fields[(int)field], _fieldLengths[(int)field]);
    }

    // ---- names -------------------------------------------------------------------------------

    /// <summary>Number of objects of a kind.</summary>
    public int Count(MjObject kind)
    {
        MujocoNative.Check(MujocoNative.rm_model_count(Handle, (int)kind, out var n), Source);
        return n;
    }

    /// <summary>Id of a named object, or false if none has that name.</summary>
    public bool TryId(MjObject kind, string name, out int id)
    {
        ArgumentNullException.ThrowIfNull(name);
        return MujocoNative.rm_model_name2id(Handle, (int)kind, name, out id) == MujocoNative.RM_OK;
    }

    /// <summary>Id of a named object; the exception names the unknown name and lists the existing ones of that kind.</summary>
    public int Id(MjObject kind, string name)
    {
        if (TryId(kind, name, out var id))
            return id;
        var names = Names(kind).Where(n => n.Length > 0).ToList();
        var kindName = kind.ToString().ToLowerInvariant();
        var list = names.Count == 0 ? "none" : string.Join(", ", names.Take(60)) + (names.Count > 60 ? $", ... ({names.Count} in all)" : "");
        throw new MujocoException(MujocoNative.RM_E_NOTFOUND, $"no {kindName} named '{name}' in {Source}; {kindName} names: {list}", name);
    }

    /// <summary>Name of object id of a kind ("" if unnamed).</summary>
    public string Name(MjObject kind, int id)
    {
        MujocoNative.Check(MujocoNative.rm_model_id2name(Handle, (int)kind, id, out var s), Source);
        return MujocoNative.Utf8(s);
    }

    /// <summary>Names of all objects of a kind, by id ("" for unnamed ones).</summary>
    public IReadOnlyList<string> Names(MjObject kind)
    {
        var n = Count(kind);
        var names = new string[n];
        for (var i = 0; i < n; i++)
            names[i] = Name(kind, i);
        return names;
    }

    public int BodyId(string name) => Id(MjObject.Body, name);
    public int JointId(string name) => Id(MjObject.Joint, name);
    public int SiteId(string name) => Id(MjObject.Site, name);
    public int GeomId(string name) => Id(MjObject.Geom, name);
    public int ActuatorId(string name) => Id(MjObject.Actuator, name);
    public int CameraId(string name) => Id(MjObject.Camera, name);
    public int SensorId(string name) => Id(MjObject.Sensor, name);

    public bool TryBodyId(string name, out int id) => TryId(MjObject.Body, name, out id);
    public bool TryJointId(string name, out int id) => TryId(MjObject.Joint, name, out id);
    public bool TrySiteId(string name, out int id) => TryId(MjObject.Site, name, out id);
    public bool TryGeomId(string name, out int id) => TryId(MjObject.Geom, name, out id);
    public bool TryActuatorId(string name, out int id) => TryId(MjObject.Actuator, name, out id);
    public bool TryCameraId(string name, out int id) => TryId(MjObject.Camera, name, out id);

    public string BodyName(int id) => Name(MjObject.Body, id);
    public string GeomName(int id) => Name(MjObject.Geom, id);
    public string JointName(int id) => Name(MjObject.Joint, id);
    public string SiteName(int id) => Name(MjObject.Site, id);
    public string ActuatorName(int id) => Name(MjObject.Actuator, id);
    public string CameraName(int id) => Name(MjObject.Camera, id);

    // ---- metadata controllers need -----------------------------------------------------------

    /// <summary>Address of a joint's first coordinate in qpos (jnt_qposadr).</summary>
    public int JointQposAddress(int jointId) => IntField(MjModelField.JntQposadr)[CheckId(jointId, NJnt, "joint")];

    /// <summary>Address of a joint's first dof in qvel (jnt_dofadr).</summary>
    public int JointDofAddress(int jointId) => IntField(MjModelField.JntDofadr)[CheckId(jointId, NJnt, "joint")];

    /// <summary>A joint's type (jnt_type).</summary>
    public MjJointType JointType(int jointId) => (MjJointType)IntField(MjModelField.JntType)[CheckId(jointId, NJnt, "joint")];

    /// <summary>Whether a joint is limited (jnt_limited).</summary>
    public bool JointLimited(int jointId) => ByteField(MjModelField.JntLimited)[CheckId(jointId, NJnt, "joint")] != 0;

    /// <summary>A joint's range (jnt_range); meaningful when <see cref="JointLimited"/>.</summary>
    public (double Lo, double Hi) JointRange(int jointId)
    {
        var r = NumField(MjModelField.JntRange).Slice(2 * CheckId(jointId, NJnt, "joint"), 2);
        return (r[0], r[1]);
    }

    /// <summary>Whether an actuator's control is clamped (actuator_ctrllimited).</summary>
    public bool ActuatorCtrlLimited(int actuatorId) => ByteField(MjModelField.ActuatorCtrllimited)[CheckId(actuatorId, Nu, "actuator")] != 0;

    /// <summary>An actuator's control range (actuator_ctrlrange); meaningful when <see cref="ActuatorCtrlLimited"/>.</summary>
    public (double Lo, double Hi) ActuatorCtrlRange(int actuatorId)
    {
        var r = NumField(MjModelField.ActuatorCtrlrange).Slice(2 * CheckId(actuatorId, Nu, "actuator"), 2);
        return (r[0], r[1]);
    }

    /// <summary>The joint (or other transmission target) an actuator drives (actuator_trnid[0]).</summary>
    public int ActuatorTargetId(int actuatorId) => IntField(MjModelField.ActuatorTrnid)[2 * CheckId(actuatorId, Nu, "actuator")];

    /// <summary>The body a geom belongs to (geom_bodyid).</summary>
    public int GeomBodyId(int geomId) => IntField(MjModelField.GeomBodyid)[CheckId(geomId, NGeom, "geom")];

    /// <summary>The body a site belongs to (site_bodyid).</summary>
    public int SiteBodyId(int siteId) => IntField(MjModelField.SiteBodyid)[CheckId(siteId, NSite, "site")];

    /// <summary>A body's parent (body_parentid); the world body is its own parent.</summary>
    public int BodyParentId(int bodyId) => IntField(MjModelField.BodyParentid)[CheckId(bodyId, NBody, "body")];

    /// <summary>A body's index into mocap_pos/mocap_quat, or -1 if it is not a mocap body.</summary>
    public int BodyMocapId(int bodyId) => IntField(MjModelField.BodyMocapid)[CheckId(bodyId, NBody, "body")];

    /// <summary>A body's mass (body_mass).</summary>
    public double BodyMass(int bodyId) => NumField(MjModelField.BodyMass)[CheckId(bodyId, NBody, "body")];

    /// <summary>Reference configuration qpos0 (nq).</summary>
    public ReadOnlySpan<double> Qpos0 => NumField(MjModelField.Qpos0);

    private int CheckId(int id, int count, string kind)
    {
        if ((uint)id >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"{kind} id must be in [0, {count}) for {Source}");
        return id;
    }

    /// <summary>True once <see cref="Dispose"/> ran (the native model may live on for data still using it).</summary>
    internal bool IsDisposed => _disposed;

    /// <summary>Releases the model; its native memory lives on until the last MjData or Renderer using it is disposed.</summary>
    public void Dispose()
    {
        _disposed = true;
        Handle.Dispose();
    }
}
