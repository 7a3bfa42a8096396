using System.Globalization;
using System.Xml.Linq;
using RiptOrleans.Physics.Geometry;

namespace RiptOrleans.Physics.Scenes;

/// <summary>Formatting of MJCF attribute values: invariant culture, shortest round-trip doubles.</summary>
public static class Mjcf
{
    public static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    public static string Format(Vec3 v) => $"{Format(v.X)} {Format(v.Y)} {Format(v.Z)}";
    public static string Format(Quat q) => $"{Format(q.W)} {Format(q.X)} {Format(q.Y)} {Format(q.Z)}";
    public static string Format(Rgba c) => $"{Format(c.R)} {Format(c.G)} {Format(c.B)} {Format(c.A)}";
    public static string Format(params double[] v) => string.Join(' ', v.Select(Format));

    /// <summary>Sets an attribute from a double, vector, quaternion, colour, string or bool ("true"/"false").</summary>
    public static XElement Set(this XElement e, string name, object? value)
    {
        if (value is null) return e;
        e.SetAttributeValue(name, value switch
        {
            double d => Format(d),
            float f => Format(f),
            int i => i.ToString(CultureInfo.InvariantCulture),
            Vec3 v => Format(v),
            Quat q => Format(q),
            Rgba c => Format(c),
            bool b => b ? "true" : "false",
            double[] a => Format(a),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        });
        return e;
    }
}

/// <summary>A colour with alpha, components in [0, 1].</summary>
public readonly record struct Rgba(double R, double G, double B, double A = 1)
{
    public static readonly Rgba White = new(0.9, 0.9, 0.9);
    public static readonly Rgba Black = new(0.08, 0.08, 0.08);
    public static readonly Rgba Wood = new(0.55, 0.38, 0.22);
    public static readonly Rgba Grey = new(0.5, 0.5, 0.5);
    public static readonly Rgba Red = new(0.8, 0.15, 0.12);
    public static readonly Rgba Yellow = new(0.9, 0.8, 0.2);
}

/// <summary>Contact properties of a geom: MuJoCo's friction triple, contact dimensionality and solver parameters.</summary>
public sealed record Surface(double Sliding = 1.0, double Torsional = 0.005, double Rolling = 0.0001, int Condim = 3,
    double[]? Solref = null, double[]? Solimp = null)
{
    public static readonly Surface Default = new();

    /// <summary>Stiff, high-friction contacts for small graspable objects (LIBERO objects: friction (0.95, 0.3, 0.1), solref (0.001, 1)).</summary>
    public static readonly Surface Graspable = new(0.95, 0.3, 0.1, 4, [0.001, 1], [0.998, 0.998, 0.001]);

    internal void ApplyTo(XElement geom)
    {
        geom.Set("friction", new[] { Sliding, Torsional, Rolling });
        if (Condim != 3) geom.Set("condim", Condim);
        geom.Set("solref", Solref).Set("solimp", Solimp);
    }
}
