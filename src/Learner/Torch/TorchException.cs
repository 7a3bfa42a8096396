namespace RiptOrleans.Learner.Torch;

/// <summary>A failed libripttorch call: the shim's status code and libtorch's message.</summary>
public sealed class TorchException : Exception
{
    public TorchException(int code, string nativeMessage, string? context = null)
        : base(context is null ? $"libtorch error {CodeName(code)}: {nativeMessage}" : $"libtorch error {CodeName(code)} ({context}): {nativeMessage}")
    {
        Code = code;
        NativeMessage = nativeMessage;
    }

    /// <summary>The shim's status code (RT_E_ARG -1, RT_E_TORCH -2, RT_E_STD -3, RT_E_UNKNOWN -4).</summary>
    public int Code { get; }

    /// <summary>The message libtorch (or the shim) gave, without backtrace.</summary>
    public string NativeMessage { get; }

    private static string CodeName(int code) => code switch
    {
        -1 => "RT_E_ARG",
        -2 => "RT_E_TORCH",
        -3 => "RT_E_STD",
        -4 => "RT_E_UNKNOWN",
        _ => code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
