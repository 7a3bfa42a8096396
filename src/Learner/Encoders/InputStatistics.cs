namespace RiptOrleans.Learner.Encoders;

/// <summary>What a policy's input layers are built from: the instruction vocabulary and the demos' state mean and std.</summary>
public sealed record InputStatistics(WordTokenizer Tokenizer, float[] StateMean, float[] StateStd)
{
    /// <summary>Per-entry mean and std of state rows (each zero-padded to stateDim); a constant entry gets std 1.</summary>
    public static InputStatistics FromStates(WordTokenizer tokenizer, IEnumerable<ReadOnlyMemory<float>> rows, int stateDim)
    {
        var sum = new double[stateDim];
        var sq = new double[stateDim];
        long n = 0;
        foreach (var row in rows)
        {
            var r = row.Span;
            if (r.Length > stateDim)
                throw new ArgumentException($"a state row has {r.Length} entries, more than the policy's StateDim {stateDim}");
            for (var i = 0; i < r.Length; i++)
            {
                sum[i] += r[i];
                sq[i] += (double)r[i] * r[i];
            }
            n++;
        }
        if (n == 0) throw new ArgumentException("no state rows to compute normalisation statistics from");
        var mean = new float[stateDim];
        var std = new float[stateDim];
        for (var i = 0; i < stateDim; i++)
        {
            var m = sum[i] / n;
            var v = Math.Max(0, sq[i] / n - m * m);
            mean[i] = (float)m;
            std[i] = v < 1e-10 ? 1f : (float)Math.Sqrt(v);
        }
        return new InputStatistics(tokenizer, mean, std);
    }

    /// <summary>Identity normalisation (mean 0, std 1), for tests and untrained policies.</summary>
    public static InputStatistics Identity(WordTokenizer tokenizer, int stateDim)
        => new(tokenizer, new float[stateDim], Enumerable.Repeat(1f, stateDim).ToArray());
}
