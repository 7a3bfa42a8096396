using RiptOrleans.Learner.Policies;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// What a policy's input and output layers are built from: the instruction vocabulary, the demos' state mean and std
/// (per entry of the policy's state layout) and their action mean and std (per action entry; null: actions are not
/// normalised).
/// </summary>
public sealed record InputStatistics(WordTokenizer Tokenizer, float[] StateMean, float[] StateStd, float[]? ActionMean = null, float[]? ActionStd = null)
{
    /// <summary>Smallest std an action entry is divided by: a nearly constant entry must not blow up its noise.</summary>
    public const float MinActionStd = 0.01f;

    /// <summary>Per-entry mean and std of state rows (each zero-padded to stateDim); a constant entry gets std 1.</summary>
    public static InputStatistics FromStates(WordTokenizer tokenizer, IEnumerable<ReadOnlyMemory<float>> rows, int stateDim)
    {
        var moments = new Moments(stateDim);
        foreach (var row in rows)
        {
            var r = row.Span;
            if (r.Length > stateDim)
                throw new ArgumentException($"a state row has {r.Length} entries, more than the policy's StateDim {stateDim}");
            for (var i = 0; i < r.Length; i++) moments.Add(i, r[i]);
            moments.Rows++;
        }
        if (moments.Rows == 0) throw new ArgumentException("no state rows to compute normalisation statistics from");
        var (mean, std) = moments.MeanStd(countAll: true);
        return new InputStatistics(tokenizer, mean, ConstantToOne(std));
    }

    /// <summary>
    /// Mean and std of observations in a policy's state layout, each entry over the observations that hold its field
    /// (absent fields do not drag an object's statistics to 0); a constant entry gets std 1.
    /// </summary>
    public static InputStatistics FromObservations(WordTokenizer tokenizer, StateLayout layout, IEnumerable<PolicyObservation> observations)
    {
        var moments = new Moments(layout.Size);
        var values = new float[layout.Size];
        var present = new float[layout.FieldCount];
        var fieldOf = layout.FieldOfEntry;
        var i = 0;
        foreach (var o in observations)
        {
            Array.Clear(values);
            Array.Clear(present);
            layout.Map(o, i++, values, present);
            for (var e = 0; e < values.Length; e++)
                if (layout.FieldCount == 0 || present[fieldOf[e]] > 0) moments.Add(e, values[e]);
            moments.Rows++;
        }
        if (moments.Rows == 0) throw new ArgumentException("no observations to compute normalisation statistics from");
        var (mean, std) = moments.MeanStd(countAll: layout.FieldCount == 0);
        return new InputStatistics(tokenizer, mean, ConstantToOne(std));
    }

    /// <summary>These statistics with per-entry action mean and std of action rows (each ActionDim long); std is at least <see cref="MinActionStd"/>.</summary>
    public InputStatistics WithActions(IEnumerable<ReadOnlyMemory<float>> actions, int actionDim)
    {
        var moments = new Moments(actionDim);
        foreach (var row in actions)
        {
            var r = row.Span;
            if (r.Length != actionDim) throw new ArgumentException($"an action row has {r.Length} entries, ActionDim is {actionDim}");
            for (var i = 0; i < actionDim; i++) moments.Add(i, r[i]);
            moments.Rows++;
        }
        if (moments.Rows == 0) throw new ArgumentException("no actions to compute normalisation statistics from");
        var (mean, std) = moments.MeanStd(countAll: true);
        return this with { ActionMean = mean, ActionStd = std.Select(s => Math.Max(s, MinActionStd)).ToArray() };
    }

    /// <summary>A constant state entry (std ~ 0) is divided by 1, not by ~0.</summary>
    private static float[] ConstantToOne(float[] std) => std.Select(s => s < 1e-5f ? 1f : s).ToArray();

    /// <summary>Identity normalisation (mean 0, std 1), for tests and untrained policies.</summary>
    public static InputStatistics Identity(WordTokenizer tokenizer, int stateDim)
        => new(tokenizer, new float[stateDim], Enumerable.Repeat(1f, stateDim).ToArray());

    /// <summary>Running sums per entry.</summary>
    private sealed class Moments(int size)
    {
        private readonly double[] _sum = new double[size], _sq = new double[size];
        private readonly long[] _n = new long[size];

        public long Rows { get; set; }

        public void Add(int i, float v)
        {
            _sum[i] += v;
            _sq[i] += (double)v * v;
            _n[i]++;
        }

        /// <summary>Mean and std per entry; countAll divides by every row (missing entries count as 0), else by the rows holding the entry.</summary>
        public (float[] Mean, float[] Std) MeanStd(bool countAll)
        {
            var mean = new float[size];
            var std = new float[size];
            for (var i = 0; i < size; i++)
            {
                var n = countAll ? Rows : _n[i];
                if (n == 0) continue;
                var m = _sum[i] / n;
                mean[i] = (float)m;
                std[i] = (float)Math.Sqrt(Math.Max(0, _sq[i] / n - m * m));
            }
            return (mean, std);
        }
    }
}
