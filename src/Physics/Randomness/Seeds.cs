using RiptOrleans.Physics.Tasks.Contexts;

namespace RiptOrleans.Physics.Randomness;

/// <summary>
/// Every seed the system derives, by name, from the same two stable hashes (string.GetHashCode and HashCode.Combine are
/// randomised per process, so a run would not replay). A seed that gets a new use gets a new named derivation here.
/// </summary>
public static class Seeds
{
    /// <summary>
    /// The initial-state sampler's seed of context <paramref name="index"/> of a task's split; <paramref name="retry"/> &gt; 0
    /// redraws a duplicate. 32-bit FNV-1a of "task|split|index|retry": every suite's fixed contexts were drawn with it.
    /// </summary>
    public static int Context(string taskId, ContextSplit split, int index, int retry = 0)
    {
        var h = 2166136261u;
        foreach (var ch in $"{taskId}|{split}|{index}|{retry}")
            h = (h ^ ch) * 16777619u;
        return (int)(h & 0x7fffffff);
    }

    /// <summary>The noise of expert demonstration <paramref name="index"/> of a task: the seed of the training context it starts from.</summary>
    public static int DemoNoise(string taskId, int index) => Context(taskId, ContextSplit.Train, index);

    /// <summary>The order in which one iteration of a run draws its contexts.</summary>
    public static int ContextDraw(long runSeed, int iteration) => ToInt(Mix(runSeed, iteration));

    /// <summary>The action noise of the <paramref name="n"/>-th group an iteration sends out, on context <paramref name="contextId"/>.</summary>
    public static long RolloutGroup(long runSeed, int iteration, int n, string contextId) => Mix(runSeed, iteration, n, Of(contextId));

    /// <summary>The minibatch shuffle of one iteration's PPO update.</summary>
    public static int UpdateShuffle(long runSeed, int iteration) => ToInt(Mix(runSeed, iteration, 1));

    /// <summary>The initial-state noise of one RL context of a run (RIPT Fig. 7's context noise): the same in every process.</summary>
    public static int ContextNoise(long runSeed, string contextId) => ToInt(Mix(runSeed, Of(contextId), 0x6e6f697365));

    /// <summary>SplitMix64 over the parts in order (non-negative).</summary>
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

    /// <summary>64-bit FNV-1a of a string (non-negative).</summary>
    public static long Of(string s)
    {
        var h = 14695981039346656037UL;
        foreach (var ch in s) h = (h ^ ch) * 1099511628211UL;
        return (long)(h & 0x7FFFFFFFFFFFFFFFUL);
    }

    /// <summary>A seed for System.Random.</summary>
    public static int ToInt(long seed) => (int)(seed & 0x7FFFFFFF);
}
