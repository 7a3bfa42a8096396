namespace RiptOrleans.Grains.Abstractions;

/// <summary>Marks a grain interface whose instances are addressed by a string key (Orleans' key kind, our own marker).</summary>
public interface IGrainWithStringKey;
