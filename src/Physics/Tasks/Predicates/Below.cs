using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>One point lower than another: MetaWorld's assembly (the nut's ring below the peg's top once it is on the peg).</summary>
public sealed record Below(string Point, string Reference) : IPredicate
{
    public string Describe() => $"Below({Point}, {Reference})";

    public IBoundPredicate Bind(MjModel model)
    {
        var p = Near.Resolve(model, Point);
        var r = Near.Resolve(model, Reference);
        return new BoundPredicate(d => p(d).Z < r(d).Z);
    }
}
