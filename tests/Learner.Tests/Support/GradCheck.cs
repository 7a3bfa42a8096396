using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>Compares autograd gradients with central finite differences in float64.</summary>
public static class GradCheck
{
    /// <summary>One differentiable input: values and shape.</summary>
    public sealed record Input(double[] Values, long[] Shape);

    /// <summary>Input of shape filled from a seeded generator in [lo, hi).</summary>
    public static Input Random(int seed, long[] shape, double lo = -1, double hi = 1)
    {
        var r = new System.Random(seed);
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        return new Input(Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * r.NextDouble()).ToArray(), shape);
    }

    /// <summary>
    /// Asserts that d/dx of L = Σ f(x)·w (w a fixed pattern) from backward matches central differences
    /// for every element of every input; returns the largest absolute difference.
    /// </summary>
    public static double Check(Func<Tensor[], Tensor> f, IReadOnlyList<Input> inputs, double h = 1e-6, double tol = 1e-5)
    {
        using var scope = TensorScope.Open();
        var leaves = inputs.Select(i => Tensor.FromArray(i.Values, i.Shape).RequiresGrad_()).ToArray();
        var output = f(leaves);
        var weights = Pattern(output.Shape);
        var loss = (output * weights).Sum();
        loss.Backward();
        var analytic = leaves.Select(l => l.Grad?.ToArray<double>() ?? new double[l.NumEl]).ToArray();

        double Eval(double[][] values)
        {
            using var s = TensorScope.Open();
            using var _ = Grad.Disabled();
            var xs = values.Select((v, k) => Tensor.FromArray(v, inputs[k].Shape)).ToArray();
            return (f(xs) * weights).Sum().Item();
        }

        var worst = 0.0;
        var current = inputs.Select(i => (double[])i.Values.Clone()).ToArray();
        for (var k = 0; k < inputs.Count; k++)
            for (var j = 0; j < current[k].Length; j++)
            {
                var x0 = current[k][j];
                current[k][j] = x0 + h;
                var up = Eval(current);
                current[k][j] = x0 - h;
                var down = Eval(current);
                current[k][j] = x0;
                var numeric = (up - down) / (2 * h);
                var diff = Math.Abs(numeric - analytic[k][j]);
                worst = Math.Max(worst, diff);
                Assert.True(diff <= tol * (1 + Math.Abs(numeric)),
                    $"input {k} element {j}: autograd {analytic[k][j]:G9}, finite difference {numeric:G9}");
            }
        return worst;
    }

    private static Tensor Pattern(long[] shape)
    {
        var n = (int)shape.Aggregate(1L, (a, b) => a * b);
        return Tensor.FromArray(Enumerable.Range(0, n).Select(i => Math.Sin(i + 1.0) + 0.5).ToArray(), shape);
    }
}
