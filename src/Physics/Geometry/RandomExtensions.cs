namespace RiptOrleans.Physics.Geometry;

/// <summary>Draws from distributions with <see cref="Random"/>, so every seeded stream stays reproducible.</summary>
public static class RandomExtensions
{
    /// <summary>A standard normal sample (Box–Muller).</summary>
    public static double NextGaussian(this Random rng)
    {
        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A uniform sample in [lo, hi).</summary>
    public static double NextUniform(this Random rng, double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
}
