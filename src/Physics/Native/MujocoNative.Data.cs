using System.Runtime.InteropServices;

namespace RiptOrleans.Physics.Native;

/// <summary>P/Invoke declarations of native/mujoco/include/rm_data.h.</summary>
internal static unsafe partial class MujocoNative
{
    [LibraryImport(Library)]
    internal static partial int rm_data_new(ModelHandle m, out DataHandle data);

    [LibraryImport(Library)]
    internal static partial void rm_data_free(nint d);

    [LibraryImport(Library)]
    internal static partial int rm_data_step(ModelHandle m, DataHandle d, int nstep);

    [LibraryImport(Library)]
    internal static partial int rm_data_step1(ModelHandle m, DataHandle d);

    [LibraryImport(Library)]
    internal static partial int rm_data_step2(ModelHandle m, DataHandle d);

    [LibraryImport(Library)]
    internal static partial int rm_data_forward(ModelHandle m, DataHandle d);

    [LibraryImport(Library)]
    internal static partial int rm_data_reset(ModelHandle m, DataHandle d);

    [LibraryImport(Library)]
    internal static partial int rm_data_reset_keyframe(ModelHandle m, DataHandle d, int key);

    [LibraryImport(Library)]
    internal static partial int rm_data_get_time(DataHandle d, out double time);

    [LibraryImport(Library)]
    internal static partial int rm_data_set_time(DataHandle d, double time);

    [LibraryImport(Library)]
    internal static partial int rm_data_field_count();

    [LibraryImport(Library)]
    internal static partial int rm_data_field_name(int i, out byte* name);

    [LibraryImport(Library)]
    internal static partial int rm_data_field(ModelHandle m, DataHandle d, int i, out double* ptr, out int rows, out int cols);

    [LibraryImport(Library)]
    internal static partial int rm_data_contact_count(DataHandle d, out int ncon);

    [LibraryImport(Library)]
    internal static partial int rm_data_contact(DataHandle d, int i, out int geom1, out int geom2, out double dist, double* pos, double* frame);

    [LibraryImport(Library)]
    internal static partial int rm_data_jac_site(ModelHandle m, DataHandle d, int site, double* jacp, double* jacr);

    [LibraryImport(Library)]
    internal static partial int rm_data_jac_body(ModelHandle m, DataHandle d, int body, double* jacp, double* jacr);

    [LibraryImport(Library)]
    internal static partial int rm_data_full_mass(ModelHandle m, DataHandle d, double* dense);

    [LibraryImport(Library)]
    internal static partial int rm_data_state_size(ModelHandle m, out int size);

    [LibraryImport(Library)]
    internal static partial int rm_data_get_state(ModelHandle m, DataHandle d, double* state, int size);

    [LibraryImport(Library)]
    internal static partial int rm_data_set_state(ModelHandle m, DataHandle d, double* state, int size);

    [LibraryImport(Library)]
    internal static partial int rm_data_warnings(DataHandle d, out int* stats, out int count);

    [LibraryImport(Library)]
    internal static partial int rm_data_clear_warnings(DataHandle d);

    [LibraryImport(Library)]
    internal static partial int rm_bench_step_loop(ModelHandle m, DataHandle d, int nctrl, int nsub, out double seconds);

    [LibraryImport(Library)]
    internal static partial int rm_bench_replay(ModelHandle m, DataHandle d, double* ctrl, double* mocapPos, double* mocapQuat, int nsteps, out double seconds);
}
