namespace RiptOrleans.Grains.Abstractions;

/// <summary>Resolves a grain reference by key; the silo behind it decides where and when the grain runs.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of type <typeparamref name="T"/> with <paramref name="key"/>; calls on it run one turn at a time.</summary>
    T GetGrain<T>(string key) where T : IGrainWithStringKey;
}
