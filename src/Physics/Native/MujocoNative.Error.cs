using System.Runtime.InteropServices;
using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Native;

/// <summary>P/Invoke declarations of native/mujoco/include/rm_error.h.</summary>
internal static unsafe partial class MujocoNative
{
    internal const string Library = "riptmujoco";

    internal const int RM_OK = 0;
    internal const int RM_E_ARG = -1;
    internal const int RM_E_MUJOCO = -2;
    internal const int RM_E_LOAD = -3;
    internal const int RM_E_NOTFOUND = -4;
    internal const int RM_E_VERSION = -5;
    internal const int RM_E_GL = -6;
    internal const int RM_E_UNSUPPORTED = -7;
    internal const int RM_E_MEMORY = -8;

    [LibraryImport(Library)]
    internal static partial byte* rm_last_error();

    [LibraryImport(Library)]
    internal static partial int rm_version(out int header, out int library);

    [LibraryImport(Library)]
    internal static partial long rm_warning_count();

    [LibraryImport(Library)]
    internal static partial byte* rm_last_warning();

    /// <summary>Throws <see cref="MujocoException"/> with the thread's last error unless status is RM_OK.</summary>
    internal static void Check(int status, string? input = null)
    {
        if (status != RM_OK)
            throw new MujocoException(status, LastError(), input);
    }

    internal static string LastError() => Utf8(rm_last_error());

    internal static string Utf8(byte* s) => s == null ? "" : Marshal.PtrToStringUTF8((nint)s) ?? "";
}
