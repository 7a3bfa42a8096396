namespace RiptOrleans.Physics.Geometry;

/// <summary>A unit quaternion in MuJoCo's order (w, x, y, z).</summary>
public readonly record struct Quat(double W, double X, double Y, double Z)
{
    public static readonly Quat Identity = new(1, 0, 0, 0);

    /// <summary>Rotation by <paramref name="angle"/> radians about a unit axis.</summary>
    public static Quat FromAxisAngle(Vec3 axis, double angle)
    {
        var n = axis.Norm;
        if (n < 1e-12) return Identity;
        var s = Math.Sin(angle / 2) / n;
        return new(Math.Cos(angle / 2), axis.X * s, axis.Y * s, axis.Z * s);
    }

    /// <summary>Rotation about world z (yaw), the only rotation most placed objects need.</summary>
    public static Quat FromYaw(double yaw) => FromAxisAngle(Vec3.UnitZ, yaw);

    public static Quat operator *(Quat a, Quat b) => new(
        a.W * b.W - a.X * b.X - a.Y * b.Y - a.Z * b.Z,
        a.W * b.X + a.X * b.W + a.Y * b.Z - a.Z * b.Y,
        a.W * b.Y - a.X * b.Z + a.Y * b.W + a.Z * b.X,
        a.W * b.Z + a.X * b.Y - a.Y * b.X + a.Z * b.W);

    public Quat Conjugate => new(W, -X, -Y, -Z);

    public Vec3 Rotate(Vec3 v)
    {
        var q = new Vec3(X, Y, Z);
        var t = 2 * q.Cross(v);
        return v + W * t + q.Cross(t);
    }

    /// <summary>Yaw of the rotated x axis about world z.</summary>
    public double Yaw
    {
        get
        {
            var x = Rotate(new Vec3(1, 0, 0));
            return Math.Atan2(x.Y, x.X);
        }
    }

    public static Quat From(ReadOnlySpan<double> s, int index = 0) => new(s[4 * index], s[4 * index + 1], s[4 * index + 2], s[4 * index + 3]);

    public void CopyTo(Span<double> s, int index = 0)
    {
        s[4 * index] = W;
        s[4 * index + 1] = X;
        s[4 * index + 2] = Y;
        s[4 * index + 3] = Z;
    }

    public override string ToString() => FormattableString.Invariant($"({W:F4}, {X:F4}, {Y:F4}, {Z:F4})");
}
