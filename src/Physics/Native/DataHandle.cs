namespace RiptOrleans.Physics.Native;

/// <summary>Owns one native rm_data (mjData reads mjModel, so the model stays referenced until rm_data_free).</summary>
internal sealed class DataHandle : ModelBoundHandle
{
    protected override void Free(nint native) => MujocoNative.rm_data_free(native);
}
