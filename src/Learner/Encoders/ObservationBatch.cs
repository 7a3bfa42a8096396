using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One batch of observations as tensors (in the current scope): states in the policy's layout (B × S), the presence
/// flag of each named state field (B × F) and of each state entry (B × S) (both null for an unnamed layout), images
/// (B × cams × 3 × H × W), word ids (B × W).
/// </summary>
public sealed record ObservationBatch(Tensor States, Tensor? Present, Tensor? StateMask, Tensor? Images, Tensor WordIds, int Count)
{
    /// <summary>Packs observations, each state mapped into the layout (<see cref="StateLayout.Map"/>).</summary>
    public static ObservationBatch From(IReadOnlyList<PolicyObservation> batch, PolicyConfig config, StateLayout layout, WordTokenizer tokenizer)
    {
        if (batch.Count == 0) throw new ArgumentException("an observation batch needs at least one observation", nameof(batch));
        var n = batch.Count;
        var s = layout.Size;
        var f = layout.FieldCount;
        var states = new float[n * s];
        var present = f > 0 ? new float[n * f] : null;
        var words = batch.Select(o => tokenizer.Encode(o.Instruction)).ToArray();
        var w = words.Max(x => x.Length);
        var ids = new long[n * w];
        var cams = config.Cameras.Count;
        var px = config.ImageSize * config.ImageSize * 3;
        var images = cams > 0 ? new float[n * cams * px] : null;
        for (var i = 0; i < n; i++)
        {
            var o = batch[i];
            layout.Map(o, i, states.AsSpan(i * s, s), present is null ? [] : present.AsSpan(i * f, f));
            words[i].CopyTo(ids, i * w);
            if (images is null) continue;
            if (o.Images is null || o.Images.Length != cams * px)
                throw new ArgumentException($"observation {i} has {o.Images?.Length ?? 0} image bytes, the policy reads cameras [{string.Join(", ", config.Cameras)}] " +
                    $"at {config.ImageSize}x{config.ImageSize} = {cams * px} bytes");
            // H x W x 3 bytes → 3 x H x W floats in [0, 1]
            var hw = config.ImageSize * config.ImageSize;
            for (var c = 0; c < cams; c++)
            {
                var src = o.Images.AsSpan(c * px, px);
                var dst = images.AsSpan((i * cams + c) * px, px);
                for (var p = 0; p < hw; p++)
                {
                    dst[p] = src[3 * p] / 255f;
                    dst[hw + p] = src[3 * p + 1] / 255f;
                    dst[2 * hw + p] = src[3 * p + 2] / 255f;
                }
            }
        }
        float[]? mask = null;
        if (present is not null)
        {
            mask = new float[n * s];
            var fieldOf = layout.FieldOfEntry;
            for (var i = 0; i < n; i++)
                for (var e = 0; e < s; e++)
                    mask[i * s + e] = present[i * f + fieldOf[e]];
        }
        return new ObservationBatch(Tensor.FromArray(states, n, s), present is null ? null : Tensor.FromArray(present, n, f),
            mask is null ? null : Tensor.FromArray(mask, n, s),
            images is null ? null : Tensor.FromArray(images, n, cams, 3, config.ImageSize, config.ImageSize),
            Tensor.FromArray(ids, n, w), n);
    }
}
