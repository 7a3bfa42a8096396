namespace RiptOrleans.Learner.Torch;

/// <summary>Neural-network modules (torch.nn); one file per module.</summary>
public static partial class Nn
{
    /// <summary>PyTorch's default init for Linear/Conv weights and biases: U(−1/√fanIn, 1/√fanIn).</summary>
    internal static Tensor UniformFanIn(long[] shape, long fanIn, Device? device, Generator? generator)
    {
        var bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
        return Torch.Uniform(shape, -bound, bound, DType.Float32, device, generator);
    }
}
