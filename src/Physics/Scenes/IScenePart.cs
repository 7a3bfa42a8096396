using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes;

/// <summary>One object or fixture of a scene, built from primitives under a body named <see cref="Name"/>.</summary>
public interface IScenePart
{
    /// <summary>Body name; predicates and observations refer to the part by it.</summary>
    string Name { get; }

    /// <summary>Height of the body origin above the part's lowest point (predicates use origins, spec A6.1).</summary>
    double OriginHeight { get; }

    /// <summary>Full height (m); objects stacked on this one start at its top.</summary>
    double Height { get; }

    /// <summary>Horizontal radius used to keep sampled placements apart.</summary>
    double Radius { get; }

    /// <summary>True for loose objects (a free joint), false for fixtures fixed to the world.</summary>
    bool IsFree { get; }

    /// <summary>Adds the part's body at a pose (world frame).</summary>
    void Build(SceneBuilder scene, Vec3 position, double yaw);
}
