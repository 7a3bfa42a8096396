using RiptOrleans.Physics.Mujoco;

namespace RiptOrleans.Physics.Tasks.Predicates;

/// <summary>Object <c>A</c> rests on object <c>B</c>: B no higher than A, touching, origins within 3 cm in xy (spec A7).</summary>
public sealed record On(string Object, string Support, double MaxXyDistance = 0.03) : IPredicate
{
    public string Describe() => $"On({Object}, {Support})";

    public IBoundPredicate Bind(MjModel model)
    {
        int a = model.BodyId(Object), b = model.BodyId(Support);
        var sa = SceneQuery.Subtree(model, a);
        var sb = SceneQuery.Subtree(model, b);
        return new BoundPredicate(d =>
        {
            var pa = SceneQuery.BodyPos(d, a);
            var pb = SceneQuery.BodyPos(d, b);
            return pb.Z <= pa.Z && (pa - pb).NormXy < MaxXyDistance && SceneQuery.InContact(model, d, sa, sb);
        });
    }
}
