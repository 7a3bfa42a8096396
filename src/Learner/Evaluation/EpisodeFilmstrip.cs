using RiptOrleans.Physics.Rendering;

namespace RiptOrleans.Learner.Evaluation;

/// <summary>One episode's frames, kept every few steps and written as a single PNG strip of evenly spaced frames.</summary>
internal sealed class EpisodeFilmstrip(int size, int frames)
{
    private readonly List<byte[]> _kept = new();

    public void Add(byte[] rgb) => _kept.Add(rgb);

    public void Write(string path)
    {
        if (_kept.Count == 0) return;
        var picks = Enumerable.Range(0, Math.Min(frames, _kept.Count))
            .Select(i => _kept[(int)Math.Round(i * (_kept.Count - 1) / Math.Max(1.0, Math.Min(frames, _kept.Count) - 1))]).ToList();
        var width = size * picks.Count;
        var strip = new byte[width * size * 3];
        for (var f = 0; f < picks.Count; f++)
            for (var y = 0; y < size; y++)
                Array.Copy(picks[f], y * size * 3, strip, (y * width + f * size) * 3, size * 3);
        Png.Write(path, strip, width, size);
    }
}
