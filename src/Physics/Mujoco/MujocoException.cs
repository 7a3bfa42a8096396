namespace RiptOrleans.Physics.Mujoco;

/// <summary>A failed call into libriptmujoco: its status code, MuJoCo's or the shim's message, and the input it concerned.</summary>
public sealed class MujocoException : Exception
{
    public MujocoException(int code, string message, string? input = null)
        : base(input is null ? message : $"{input}: {message}")
    {
        Code = code;
        Input = input;
    }

    /// <summary>The shim's status code (RM_E_*: -1 argument, -2 MuJoCo error, -3 load, -4 not found, -5 version, -6 GL, -7 unsupported, -8 memory).</summary>
    public int Code { get; }

    /// <summary>The input the error concerns (a file path, "&lt;string&gt;", a name), when known.</summary>
    public string? Input { get; }
}
