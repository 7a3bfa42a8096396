using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>P/Invoke declarations of native/mujoco/include/rm_model.h.</summary>
internal static unsafe partial class MujocoNative
{
    internal const int RM_TYPE_INT = 0;
    internal const int RM_TYPE_BYTE = 1;
    internal const int RM_TYPE_NUM = 2;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rm_model_load_xml(string xml, out ModelHandle model);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rm_model_load_file(string path, out ModelHandle model);

    [LibraryImport(Library)]
    internal static partial void rm_model_free(nint model);

    [LibraryImport(Library)]
    internal static partial int rm_model_size_count();

    [LibraryImport(Library)]
    internal static partial int rm_model_size_name(int i, out byte* name);

    [LibraryImport(Library)]
    internal static partial int rm_model_size(ModelHandle m, int i, out int value);

    [LibraryImport(Library)]
    internal static partial int rm_model_field_count();

    [LibraryImport(Library)]
    internal static partial int rm_model_field_name(int i, out byte* name);

    [LibraryImport(Library)]
    internal static partial int rm_model_field(ModelHandle m, int i, out void* ptr, out int rows, out int cols, out int type);

    [LibraryImport(Library)]
    internal static partial int rm_model_get_timestep(ModelHandle m, out double timestep);

    [LibraryImport(Library)]
    internal static partial int rm_model_set_timestep(ModelHandle m, double timestep);

    [LibraryImport(Library)]
    internal static partial int rm_model_count(ModelHandle m, int kind, out int count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int rm_model_name2id(ModelHandle m, int kind, string name, out int id);

    [LibraryImport(Library)]
    internal static partial int rm_model_id2name(ModelHandle m, int kind, int id, out byte* name);
}
