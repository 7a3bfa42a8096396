namespace RiptOrleans.Grains;

/// <summary>Seeds mixed from numbers and strings the same way in every process (HashCode.Combine is randomised per process).</summary>
public static class StableSeed
{
    /// <summary>SplitMix64 over the parts in order.</summary>
    public static long Mix(params long[] parts)
    {
        var x = 0x9E3779B97F4A7C15UL;
        foreach (var p in parts)
        {
            x ^= (ulong)p;
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            x ^= x >> 31;
        }
        return (long)(x & 0x7FFFFFFFFFFFFFFFUL);
    }

    /// <summary>FNV-1a of a string, stable across processes.</summary>
    public static long Of(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) h = (h ^ ch) * 1099511628211UL;
        return (long)(h & 0x7FFFFFFFFFFFFFFFUL);
    }
}
