using RiptOrleans.Learner.Encoders;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>Demo windows as tensors (current scope): observations, raw target chunks (B × L × A) edge-padded past the demo's end, and the valid mask (B × L × 1).</summary>
internal sealed record DemoWindowBatch(ObservationBatch Observations, Tensor Chunks, Tensor Mask)
{
    public static DemoWindowBatch From(IReadOnlyList<DemoWindow> windows, PolicyConfig config, StateLayout layout, WordTokenizer tokenizer)
    {
        if (windows.Count == 0) throw new ArgumentException("a demo batch needs at least one window", nameof(windows));
        int l = config.ChunkLength, a = config.ActionDim;
        var chunks = new float[windows.Count * l * a];
        var mask = new float[windows.Count * l];
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.Actions.Length != l * a)
                throw new ArgumentException($"demo window {i} holds {w.Actions.Length} action entries, ChunkLength x ActionDim = {l * a}");
            if (w.Valid is < 1 || w.Valid > l)
                throw new ArgumentException($"demo window {i} has Valid = {w.Valid}, must be in [1, {l}]");
            for (var t = 0; t < l; t++)
            {
                // past the end the robot holds its last command (QueST pads chunks the same way)
                var src = Math.Min(t, w.Valid - 1);
                Array.Copy(w.Actions, src * a, chunks, (i * l + t) * a, a);
                mask[i * l + t] = t < w.Valid ? 1f : 0f;
            }
        }
        return new DemoWindowBatch(ObservationBatch.From(windows.Select(w => w.Observation).ToList(), config, layout, tokenizer),
            Tensor.FromArray(chunks, windows.Count, l, a), Tensor.FromArray(mask, windows.Count, l, 1));
    }
}
