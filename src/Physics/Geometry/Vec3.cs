namespace RiptOrleans.Physics.Geometry;

/// <summary>A point or direction in metres, world or body frame (MuJoCo's doubles, z up).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static readonly Vec3 Zero = new(0, 0, 0);
    public static readonly Vec3 UnitZ = new(0, 0, 1);

    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Vec3 operator -(Vec3 a) => new(-a.X, -a.Y, -a.Z);
    public static Vec3 operator *(Vec3 a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    public static Vec3 operator *(double s, Vec3 a) => a * s;
    public static Vec3 operator /(Vec3 a, double s) => new(a.X / s, a.Y / s, a.Z / s);

    public double Dot(Vec3 b) => X * b.X + Y * b.Y + Z * b.Z;
    public Vec3 Cross(Vec3 b) => new(Y * b.Z - Z * b.Y, Z * b.X - X * b.Z, X * b.Y - Y * b.X);
    public double Norm => Math.Sqrt(Dot(this));
    public double NormXy => Math.Sqrt(X * X + Y * Y);
    public Vec3 WithZ(double z) => new(X, Y, z);

    /// <summary>Reads three consecutive doubles, e.g. one body's row of xpos (nbody x 3).</summary>
    public static Vec3 From(ReadOnlySpan<double> s, int index = 0) => new(s[3 * index], s[3 * index + 1], s[3 * index + 2]);

    public void CopyTo(Span<double> s, int index = 0)
    {
        s[3 * index] = X;
        s[3 * index + 1] = Y;
        s[3 * index + 2] = Z;
    }

    public override string ToString() => FormattableString.Invariant($"({X:F4}, {Y:F4}, {Z:F4})");
}
