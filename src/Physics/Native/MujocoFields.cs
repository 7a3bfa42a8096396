namespace RiptOrleans.Physics.Native;

// The C# side of native/mujoco/include/rm_fields.h: same entries, same order. MujocoFields.Verify
// compares the names against the native table once per process, so an edit on one side only fails
// loudly at the first model load instead of reading the wrong array.

/// <summary>RM_MODEL_SIZES: integer sizes of mjModel.</summary>
internal enum MjModelSize
{
    Nq, Nv, Nu, Na, Nbody, Njnt, Ngeom, Nsite, Ncam, Nlight, Nmesh,
    Nsensor, Nsensordata, Nmocap, Nuserdata, Ntendon, Neq, Nkey,
}

/// <summary>RM_MODEL_FIELDS: read-only arrays of mjModel.</summary>
internal enum MjModelField
{
    JntType, JntQposadr, JntDofadr, JntBodyid, JntLimited, JntRange,
    BodyParentid, BodyMocapid, BodyJntnum, BodyJntadr, BodyMass,
    GeomType, GeomBodyid, GeomSize, SiteBodyid,
    ActuatorTrntype, ActuatorTrnid, ActuatorCtrllimited, ActuatorCtrlrange, Qpos0,
}

/// <summary>RM_DATA_FIELDS: arrays of mjData.</summary>
internal enum MjDataField
{
    Qpos, Qvel, Act, Ctrl, QfrcApplied, XfrcApplied, Qacc, QaccWarmstart, QfrcBias, QfrcActuator,
    ActuatorForce, Xpos, Xquat, Xmat, Xipos, SiteXpos, SiteXmat, GeomXpos, GeomXmat, CamXpos, CamXmat,
    Sensordata, MocapPos, MocapQuat, Userdata,
}

internal static unsafe class MujocoFields
{
    private static readonly Lazy<string?> Mismatch = new(FindMismatch);

    /// <summary>Throws if the native tables and these enums disagree, or MuJoCo's versions differ.</summary>
    public static void Verify()
    {
        if (Mismatch.Value is { } message)
            throw new Mujoco.MujocoException(MujocoNative.RM_E_VERSION, message, "libriptmujoco");
    }

    /// <summary>snake_case of an enum member name: "QaccWarmstart" -> "qacc_warmstart".</summary>
    internal static string SnakeCase(string pascal)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(pascal[i]));
        }
        return sb.ToString();
    }

    private static string? FindMismatch()
    {
        if (MujocoNative.rm_version(out var header, out var library) != MujocoNative.RM_OK)
            return MujocoNative.LastError();
        return Compare<MjModelSize>("RM_MODEL_SIZES", MujocoNative.rm_model_size_count(), i => { MujocoNative.rm_model_size_name(i, out var s); return s; }, snake: false)
            ?? Compare<MjModelField>("RM_MODEL_FIELDS", MujocoNative.rm_model_field_count(), i => { MujocoNative.rm_model_field_name(i, out var s); return s; }, snake: true)
            ?? Compare<MjDataField>("RM_DATA_FIELDS", MujocoNative.rm_data_field_count(), i => { MujocoNative.rm_data_field_name(i, out var s); return s; }, snake: true);
    }

    private delegate byte* NameAt(int i);

    private static string? Compare<T>(string table, int count, NameAt nameAt, bool snake) where T : struct, Enum
    {
        var names = Enum.GetNames<T>();
        if (names.Length != count)
            return $"{table} has {count} entries in libriptmujoco but {names.Length} in {typeof(T).Name}";
        for (var i = 0; i < count; i++)
        {
            var native = MujocoNative.Utf8(nameAt(i));
            var managed = snake ? SnakeCase(names[i]) : names[i].ToLowerInvariant();
            if (native != managed)
                return $"{table}[{i}] is '{native}' in libriptmujoco but '{managed}' in {typeof(T).Name}";
        }
        return null;
    }
}
