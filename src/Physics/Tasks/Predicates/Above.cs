using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>A point higher than a fixed world height: MetaWorld's disassemble (the nut lifted above the peg's top).</summary>
public sealed record Above(string Point, double Height) : IPredicate
{
    public string Describe() => $"Above({Point}, {Height})";

    public IBoundPredicate Bind(MjModel model)
    {
        var p = Near.Resolve(model, Point);
        return new BoundPredicate(d => p(d).Z > Height);
    }
}
