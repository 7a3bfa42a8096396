using RiptOrleans.Learner.Torch;
using static RiptOrleans.Learner.Torch.Torch;

namespace RiptOrleans.Learner.Tests.Torch;

/// <summary>Tensor creation, conversion, errors, grad mode and scopes.</summary>
[Trait("Category", "Fast")]
public sealed class TensorTests
{
    [Fact]
    public void FromArrayToArray_Float32_RoundTripsWithShapeAndDtype()
    {
        using var t = Tensor.FromArray(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, 2, 3);
        Assert.Equal(new long[] { 2, 3 }, t.Shape);
        Assert.Equal(DType.Float32, t.DType);
        Assert.Equal(Device.Cpu, t.Device);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, t.ToArray<float>());
    }

    [Fact]
    public void FromArray_BFloat16_ConvertsAndReadsBackAsFloat()
    {
        using var scope = TensorScope.Open();
        var t = Tensor.FromArray(new[] { 1f, 0.5f, -2f }, [3], DType.BFloat16);
        Assert.Equal(DType.BFloat16, t.DType);
        Assert.Equal(6, t.ToBytes().Length);
        Assert.Equal(new[] { 1f, 0.5f, -2f }, t.ToArray<float>());
    }

    [Fact]
    public void MatMul_ShapeMismatch_ThrowsTorchExceptionWithLibtorchMessage()
    {
        using var scope = TensorScope.Open();
        var a = Zeros([2, 3]);
        var b = Zeros([2, 3]);
        var e = Assert.Throws<TorchException>(() => a.MatMul(b));
        Assert.Equal(-2, e.Code);
        Assert.Contains("shapes cannot be multiplied (2x3 and 2x3)", e.NativeMessage);
        Assert.Contains("RT_E_TORCH", e.Message);
    }

    [Fact]
    public void Add_IncompatibleShapes_ThrowsAndProcessSurvives()
    {
        using var scope = TensorScope.Open();
        var e = Assert.Throws<TorchException>(() => Zeros([3]) + Zeros([4]));
        Assert.Contains("must match the size", e.NativeMessage);
        Assert.Equal(7.0, (Ones([1]) * 7.0).Item());
    }

    [Fact]
    public void Operators_ScalarsOnBothSides_MatchElementwiseMath()
    {
        using var scope = TensorScope.Open();
        var x = Tensor.FromArray(new[] { 1.0, 2.0, 4.0 });
        Assert.Equal(new[] { 3.0, 2.0, 0.0 }, (4.0 - x).Clamp(max: 3.0).ToArray<double>());
        Assert.Equal(new[] { 4.0, 2.0, 1.0 }, (4.0 / x).ToArray<double>());
        Assert.Equal(new[] { -1.0, -2.0, -4.0 }, (-x).ToArray<double>());
        Assert.Equal(new[] { 3.0, 3.5, 5.5 }, ((x + x) * 0.5 + 1.5).Clamp(min: 3.0).ToArray<double>());
        Assert.Equal(7.0, x.Sum().Item());
        Assert.Equal(new long[] { 2 }, x.ArgMax(0, keepDim: true).ToArray<long>());
    }

    [Fact]
    public void TopK_Values_SortedWithIndices()
    {
        using var scope = TensorScope.Open();
        var (v, i) = Tensor.FromArray(new[] { 0.5f, 3f, -1f, 2f }).TopK(2);
        Assert.Equal(new[] { 3f, 2f }, v.ToArray<float>());
        Assert.Equal(new long[] { 1, 3 }, i.ToArray<long>());
    }

    [Fact]
    public void GradDisabled_InsideScope_ResultsDoNotRequireGrad()
    {
        using var scope = TensorScope.Open();
        var w = Ones([2]).RequiresGrad_();
        using (Grad.Disabled())
        {
            Assert.False(Grad.IsEnabled);
            Assert.False((w * 2.0).RequiresGrad);
        }
        Assert.True(Grad.IsEnabled);
        Assert.True((w * 2.0).RequiresGrad);
    }

    [Fact]
    public void GradDisabled_IsThreadLocal()
    {
        using var _ = Grad.Disabled();
        var other = Task.Factory.StartNew(() => Grad.IsEnabled, TaskCreationOptions.LongRunning).Result;
        Assert.True(other);
        Assert.False(Grad.IsEnabled);
    }

    [Fact]
    public void Backward_SimpleExpression_GivesAnalyticGradient()
    {
        using var scope = TensorScope.Open();
        var x = Tensor.FromArray(new[] { 1.0, -2.0 }).RequiresGrad_();
        (x * x * 3.0).Sum().Backward();
        Assert.Equal(new[] { 6.0, -12.0 }, x.Grad!.ToArray<double>());
        x.ClearGrad();
        Assert.Null(x.Grad);
    }

    [Fact]
    public void Scope_MoveToOuter_SurvivesInnerAndDiesWithOuter()
    {
        Tensor kept, temp;
        using (var outer = TensorScope.Open())
        {
            using (var inner = TensorScope.Open())
            {
                temp = Ones([2]);
                kept = (temp * 2.0).MoveToOuter();
            }
            Assert.True(temp.IsDisposed);
            Assert.False(kept.IsDisposed);
            Assert.Equal(new[] { 2f, 2f }, kept.ToArray<float>());
        }
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void Threads_SetAndGet_RoundTrips()
    {
        var before = Threads;
        Threads = 1;
        Assert.Equal(1, Threads);
        Threads = before;
        Assert.Throws<TorchException>(() => Threads = 0);
    }

    [Fact]
    public void CudaIsAvailable_OnCpuBuild_DeviceParsing()
    {
        Assert.Equal(Device.Cuda(1), Device.Parse("cuda:1"));
        Assert.Equal(Device.Cpu, Device.Parse("cpu"));
        if (!CudaIsAvailable())
        {
            using var scope = TensorScope.Open();
            Assert.Throws<TorchException>(() => Zeros([2], DType.Float32, Device.Cuda()));
        }
    }
}
