namespace RiptOrleans.Physics.Geometry;

/// <summary>Rotation-matrix helpers on MuJoCo's row-major 3x3 layout (xmat, site_xmat).</summary>
public static class Rotation
{
    /// <summary>Axis-angle vector (axis * angle, |angle| ≤ π) of a row-major rotation matrix.</summary>
    public static Vec3 ToAxisAngle(ReadOnlySpan<double> r)
    {
        var cos = Math.Clamp((r[0] + r[4] + r[8] - 1) / 2, -1, 1);
        var angle = Math.Acos(cos);
        if (angle < 1e-9) return Vec3.Zero;
        if (Math.PI - angle < 1e-6)
        {
            // Near π the skew part vanishes; take the axis from the diagonal.
            var x = Math.Sqrt(Math.Max(0, (r[0] + 1) / 2));
            var y = Math.Sqrt(Math.Max(0, (r[4] + 1) / 2));
            var z = Math.Sqrt(Math.Max(0, (r[8] + 1) / 2));
            if (x >= y && x >= z) { y = Math.CopySign(y, r[1]); z = Math.CopySign(z, r[2]); }
            else if (y >= z) { x = Math.CopySign(x, r[1]); z = Math.CopySign(z, r[5]); }
            else { x = Math.CopySign(x, r[2]); y = Math.CopySign(y, r[5]); }
            return new Vec3(x, y, z) * (angle / new Vec3(x, y, z).Norm);
        }
        var s = 2 * Math.Sin(angle);
        return new Vec3(r[7] - r[5], r[2] - r[6], r[3] - r[1]) * (angle / s);
    }

    /// <summary>Row-major matrix of an axis-angle vector (Rodrigues).</summary>
    public static void FromAxisAngle(Vec3 v, Span<double> r)
    {
        var angle = v.Norm;
        if (angle < 1e-12)
        {
            Identity(r);
            return;
        }
        var k = v / angle;
        double c = Math.Cos(angle), s = Math.Sin(angle), t = 1 - c;
        r[0] = t * k.X * k.X + c; r[1] = t * k.X * k.Y - s * k.Z; r[2] = t * k.X * k.Z + s * k.Y;
        r[3] = t * k.X * k.Y + s * k.Z; r[4] = t * k.Y * k.Y + c; r[5] = t * k.Y * k.Z - s * k.X;
        r[6] = t * k.X * k.Z - s * k.Y; r[7] = t * k.Y * k.Z + s * k.X; r[8] = t * k.Z * k.Z + c;
    }

    public static void Identity(Span<double> r)
    {
        r[..9].Clear();
        r[0] = r[4] = r[8] = 1;
    }

    /// <summary>c = a · b for row-major 3x3 matrices (c may not alias a or b).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                c[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
    }

    /// <summary>c = a · bᵀ for row-major 3x3 matrices.</summary>
    public static void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c)
    {
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                c[3 * i + j] = a[3 * i] * b[3 * j] + a[3 * i + 1] * b[3 * j + 1] + a[3 * i + 2] * b[3 * j + 2];
    }

    /// <summary>Column <paramref name="axis"/> (0 = x, 1 = y, 2 = z) of a row-major matrix: a body axis in the world.</summary>
    public static Vec3 Axis(ReadOnlySpan<double> r, int axis) => new(r[axis], r[3 + axis], r[6 + axis]);
}
