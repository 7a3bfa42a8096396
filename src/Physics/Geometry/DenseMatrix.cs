namespace RiptOrleans.Physics.Geometry;

/// <summary>Allocation-free routines on small row-major dense matrices (controller-sized: n ≤ 16).</summary>
public static class DenseMatrix
{
    /// <summary>In-place Cholesky factor (lower triangle) of a symmetric positive-definite n x n matrix; false if not SPD.</summary>
    public static bool Cholesky(Span<double> a, int n)
    {
        for (var j = 0; j < n; j++)
        {
            var d = a[j * n + j];
            for (var k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            if (d <= 0) return false;
            d = Math.Sqrt(d);
            a[j * n + j] = d;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i * n + j];
                for (var k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / d;
            }
        }
        return true;
    }

    /// <summary>Solves L Lᵀ x = b in place for one right-hand side, given <see cref="Cholesky"/>'s factor.</summary>
    public static void CholeskySolve(ReadOnlySpan<double> l, int n, Span<double> b)
    {
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i * n + k] * b[k];
            b[i] = s / l[i * n + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i];
            for (var k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
            b[i] = s / l[i * n + i];
        }
    }

    /// <summary>Inverse of a symmetric positive-definite n x n matrix through its Cholesky factor; false if not SPD.</summary>
    public static bool SpdInverse(ReadOnlySpan<double> a, int n, Span<double> result)
    {
        Span<double> l = stackalloc double[n * n];
        a[..(n * n)].CopyTo(l);
        if (!Cholesky(l, n))
            return false;
        Span<double> col = stackalloc double[n];
        for (var c = 0; c < n; c++)
        {
            col.Clear();
            col[c] = 1;
            CholeskySolve(l, n, col);
            for (var r = 0; r < n; r++) result[r * n + c] = col[r];
        }
        return true;
    }

    /// <summary>
    /// Pseudo-inverse of a symmetric positive semi-definite n x n matrix by Jacobi eigen-decomposition; eigenvalues
    /// below <paramref name="threshold"/> are treated as zero (robosuite zeroes singular values &lt; 2.5e-4 the same way).
    /// </summary>
    public static void SymmetricPseudoInverse(ReadOnlySpan<double> a, int n, Span<double> result, double threshold)
    {
        Span<double> m = stackalloc double[n * n];
        Span<double> v = stackalloc double[n * n];
        a[..(n * n)].CopyTo(m);
        v.Clear();
        for (var i = 0; i < n; i++) v[i * n + i] = 1;
        for (var sweep = 0; sweep < 50; sweep++)
        {
            var off = 0.0;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                    off += m[p * n + q] * m[p * n + q];
            if (off < 1e-30) break;
            for (var p = 0; p < n; p++)
                for (var q = p + 1; q < n; q++)
                {
                    var apq = m[p * n + q];
                    if (Math.Abs(apq) < 1e-300) continue;
                    var theta = (m[q * n + q] - m[p * n + p]) / (2 * apq);
                    var t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    var c = 1 / Math.Sqrt(t * t + 1);
                    var s = t * c;
                    for (var k = 0; k < n; k++)
                    {
                        double mkp = m[k * n + p], mkq = m[k * n + q];
                        m[k * n + p] = c * mkp - s * mkq;
                        m[k * n + q] = s * mkp + c * mkq;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double mpk = m[p * n + k], mqk = m[q * n + k];
                        m[p * n + k] = c * mpk - s * mqk;
                        m[q * n + k] = s * mpk + c * mqk;
                    }
                    for (var k = 0; k < n; k++)
                    {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
        }
        result[..(n * n)].Clear();
        for (var e = 0; e < n; e++)
        {
            var lambda = m[e * n + e];
            if (lambda < threshold) continue;
            var inv = 1 / lambda;
            for (var i = 0; i < n; i++)
            {
                var vi = v[i * n + e] * inv;
                for (var j = 0; j < n; j++) result[i * n + j] += vi * v[j * n + e];
            }
        }
    }
}
