using System.Text;

namespace RiptOrleans.Physics.Mujoco;

/// <summary>A snapshot of one MjData's warning counters (d->warning): how often each kind was raised and its last info (an index).</summary>
public sealed record MjWarnings
{
    private readonly int[] _counts;
    private readonly int[] _lastInfo;

    internal MjWarnings(int[] counts, int[] lastInfo)
    {
        _counts = counts;
        _lastInfo = lastInfo;
    }

    /// <summary>Counts per kind, indexed by <see cref="MjWarning"/>.</summary>
    public IReadOnlyList<int> Counts => Array.AsReadOnly(_counts);

    /// <summary>How many times a kind was raised since the last reset or clear.</summary>
    public int Count(MjWarning kind) => _counts[(int)kind];

    /// <summary>The info of the last warning of a kind: the qpos index for BadQpos, the dof for BadQvel/BadQacc, the actuator for BadCtrl.</summary>
    public int LastInfo(MjWarning kind) => _lastInfo[(int)kind];

    /// <summary>True when any warning was raised.</summary>
    public bool Any => _counts.Any(c => c > 0);

    /// <summary>True when the simulation blew up (bad qpos, qvel or qacc); MuJoCo 2.2.2 has then reset the data by itself.</summary>
    public bool Diverged => Count(MjWarning.BadQacc) > 0 || Count(MjWarning.BadQpos) > 0 || Count(MjWarning.BadQvel) > 0;

    /// <summary>One line for logs and failure reasons: "ok", "diverged: BADQACC at dof 7", or "warnings: CONTACTFULL x3".</summary>
    public string Describe()
    {
        if (!Any) return "ok";
        if (Diverged)
        {
            foreach (var (kind, where) in new[] { (MjWarning.BadQacc, "dof"), (MjWarning.BadQvel, "dof"), (MjWarning.BadQpos, "qpos") })
                if (Count(kind) > 0)
                    return $"diverged: {Name(kind)} at {where} {LastInfo(kind)}";
        }
        var sb = new StringBuilder("warnings:");
        for (var i = 0; i < _counts.Length; i++)
            if (_counts[i] > 0)
                sb.Append(' ').Append(Name((MjWarning)i)).Append(" x").Append(_counts[i]);
        return sb.ToString();
    }

    /// <summary>MuJoCo's spelling: mjWARN_BADQACC -> "BADQACC".</summary>
    public static string Name(MjWarning kind) => kind switch
    {
        MjWarning.Inertia => "INERTIA",
        MjWarning.ContactFull => "CONTACTFULL",
        MjWarning.ConstraintFull => "CNSTRFULL",
        MjWarning.VGeomFull => "VGEOMFULL",
        MjWarning.BadQpos => "BADQPOS",
        MjWarning.BadQvel => "BADQVEL",
        MjWarning.BadQacc => "BADQACC",
        MjWarning.BadCtrl => "BADCTRL",
        _ => kind.ToString(),
    };

    public override string ToString() => Describe();
}
