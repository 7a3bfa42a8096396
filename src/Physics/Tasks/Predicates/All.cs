using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>Conjunction: every goal atom holds at the same step (BDDL goals are always And(...)).</summary>
public sealed record All(params IPredicate[] Parts) : IPredicate
{
    public string Describe() => Parts.Length == 1 ? Parts[0].Describe() : $"And({string.Join(", ", Parts.Select(p => p.Describe()))})";

    public IBoundPredicate Bind(MjModel model)
    {
        var bound = Parts.Select(p => p.Bind(model)).ToArray();
        return new BoundPredicate(d =>
        {
            foreach (var p in bound)
                if (!p.Holds(d))
                    return false;
            return true;
        });
    }
}
