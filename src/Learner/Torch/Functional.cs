using RiptOrleans.Learner.Native;

namespace RiptOrleans.Learner.Torch;

/// <summary>How a loss combines its per-element terms.</summary>
public enum Reduction
{
    None = 0,
    Mean = 1,
    Sum = 2,
}

/// <summary>Stateless neural-network functions (torch.nn.functional); shapes as PyTorch's.</summary>
public static class Functional
{
    /// <summary>softmax along dim.</summary>
    public static Tensor Softmax(Tensor x, long dim = -1) => Tensor.Checked(TorchNative.rt_nn_softmax(x.Handle, dim, out var h), h);

    /// <summary>log(softmax) along dim, computed stably.</summary>
    public static Tensor LogSoftmax(Tensor x, long dim = -1) => Tensor.Checked(TorchNative.rt_nn_log_softmax(x.Handle, dim, out var h), h);

    public static Tensor Gelu(Tensor x, bool approximateTanh = false) => x.Gelu(approximateTanh);
    public static Tensor Relu(Tensor x) => x.Relu();
    public static Tensor Silu(Tensor x) => x.Silu();
    public static Tensor Tanh(Tensor x) => x.Tanh();
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();

    /// <summary>x · wᵀ + b; x (… × in), weight (out × in), bias (out) or null.</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
        => Tensor.Checked(TorchNative.rt_nn_linear(x.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null, out var h), h);

    /// <summary>Layer norm over the trailing normalizedShape dims; weight and bias may be null.</summary>
    public static unsafe Tensor LayerNorm(Tensor x, long[] normalizedShape, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5)
    {
        fixed (long* s = normalizedShape)
            return Tensor.Checked(TorchNative.rt_nn_layer_norm(x.Handle, s, normalizedShape.Length, weight?.Handle ?? TensorHandle.Null, bias?.Handle ?? TensorHandle.Null, eps, out var h), h);
    }

    /// <summary>2-D convolution: x (N × C × H × W), weight (O × C/groups × kh × kw), bias (O) or null.</summary>
    public static unsafe Tensor Conv2d(Tensor x, Tensor weight, Tensor? bias = null, (long H, long W)? stride = null, (long H, long W)? padding = null, (long H, long W)? dilation = null, long groups = 1)
    {
        var s = stride ?? (1, 1);
        var p = padding ?? (0, 0);
        var d = dilation ?? (1, 1);
        long* sp = stackalloc long[] { s.H, s.W };
        long* pp = stackalloc long[] { p.H, p.W };
        long* dp = stackalloc long[] { d.H, d.W };
        return Tensor.Checked(TorchNative.rt_nn_conv2d(x.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null, sp, pp, dp, groups, out var h), h);
    }

    /// <summary>2-D max pooling (stride defaults to the kernel).</summary>
    public static Tensor MaxPool2d(Tensor x, (long H, long W) kernel, (long H, long W)? stride = null, (long H, long W)? padding = null)
        => Pool(x, kernel, stride ?? kernel, padding ?? (0, 0), true);

    /// <summary>2-D average pooling (stride defaults to the kernel).</summary>
    public static Tensor AvgPool2d(Tensor x, (long H, long W) kernel, (long H, long W)? stride = null, (long H, long W)? padding = null)
        => Pool(x, kernel, stride ?? kernel, padding ?? (0, 0), false);

    private static unsafe Tensor Pool(Tensor x, (long H, long W) k, (long H, long W) s, (long H, long W) p, bool max)
    {
        long* kp = stackalloc long[] { k.H, k.W };
        long* sp = stackalloc long[] { s.H, s.W };
        long* pp = stackalloc long[] { p.H, p.W };
        return Tensor.Checked(TorchNative.rt_nn_pool2d(x.Handle, kp, sp, pp, max ? 1 : 0, out var h), h);
    }

    /// <summary>Adaptive average pooling to (outH × outW).</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, long outH, long outW)
        => Tensor.Checked(TorchNative.rt_nn_adaptive_avg_pool2d(x.Handle, outH, outW, out var h), h);

    /// <summary>Rows of weight (num × dim) picked by int64 indices of any shape → (indices… × dim).</summary>
    public static Tensor Embedding(Tensor indices, Tensor weight)
        => Tensor.Checked(TorchNative.rt_nn_embedding(weight.Handle, indices.Handle, out var h), h);

    /// <summary>Inverted dropout with probability p while training (identity otherwise).</summary>
    public static Tensor Dropout(Tensor x, double p = 0.5, bool training = true, Generator? generator = null)
        => Tensor.Checked(TorchNative.rt_nn_dropout(x.Handle, p, training ? 1 : 0, Generator.HandleOf(generator), out var h), h);

    /// <summary>softmax(q kᵀ/√d [+ causal mask]) v; q (… × L × d), k, v (… × S × d) → (… × L × d).</summary>
    public static Tensor ScaledDotProductAttention(Tensor q, Tensor k, Tensor v, bool causal = false)
        => Tensor.Checked(TorchNative.rt_nn_scaled_dot_product_attention(q.Handle, k.Handle, v.Handle, causal ? 1 : 0, out var h), h);

    /// <summary>Cross entropy of logits (N × C [× d…]) against int64 class targets (N [× d…]).</summary>
    public static Tensor CrossEntropy(Tensor logits, Tensor target, Reduction reduction = Reduction.Mean, long ignoreIndex = -100, double labelSmoothing = 0)
        => Tensor.Checked(TorchNative.rt_nn_cross_entropy(logits.Handle, target.Handle, (int)reduction, ignoreIndex, labelSmoothing, out var h), h);

    /// <summary>|x − y| averaged (or summed) over elements.</summary>
    public static Tensor L1Loss(Tensor x, Tensor y, Reduction reduction = Reduction.Mean)
        => Tensor.Checked(TorchNative.rt_nn_l1_loss(x.Handle, y.Handle, (int)reduction, out var h), h);

    /// <summary>(x − y)² averaged (or summed) over elements.</summary>
    public static Tensor MseLoss(Tensor x, Tensor y, Reduction reduction = Reduction.Mean)
        => Tensor.Checked(TorchNative.rt_nn_mse_loss(x.Handle, y.Handle, (int)reduction, out var h), h);
}
