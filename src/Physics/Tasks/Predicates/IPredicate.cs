using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>One named condition on a scene's geometry (LIBERO's BDDL goal atoms, MetaWorld's success tests).</summary>
/// <remarks>Names are resolved once per model by <see cref="Bind"/>; the bound form is evaluated every control step.</remarks>
public interface IPredicate
{
    /// <summary>Readable form, e.g. "On(bowl, plate)".</summary>
    string Describe();

    /// <summary>Resolves every name against <paramref name="model"/>; throws naming what is missing.</summary>
    IBoundPredicate Bind(MjModel model);
}

/// <summary>A predicate compiled against one model: ids resolved, ready to test any MjData of that model.</summary>
public interface IBoundPredicate
{
    bool Holds(MjData data);
}

/// <summary>A bound predicate from a lambda over MjData.</summary>
internal sealed class BoundPredicate(Func<MjData, bool> holds) : IBoundPredicate
{
    public bool Holds(MjData data) => holds(data);
}
