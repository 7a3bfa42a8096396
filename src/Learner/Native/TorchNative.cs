using System.Runtime.InteropServices;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Native;

/// <summary>P/Invoke surface of libripttorch (native/torch); one file per native header, C names kept.</summary>
internal static partial class TorchNative
{
    internal const string Library = "ripttorch";

    /// <summary>Throws <see cref="TorchException"/> with the code and the native last-error message unless status is RT_OK.</summary>
    internal static void Check(int status)
    {
        if (status != 0)
            throw new TorchException(status, LastError());
    }

    /// <summary>Like <see cref="Check(int)"/>, naming what the call was working on.</summary>
    internal static void Check(int status, string context)
    {
        if (status != 0)
            throw new TorchException(status, LastError(), context);
    }

    internal static string LastError() => Marshal.PtrToStringUTF8(rt_last_error()) ?? "";
}
