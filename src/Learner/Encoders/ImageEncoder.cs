using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One camera's conv encoder trained from scratch: three stride-2 convolutions (16, 32, 32 channels, ReLU),
/// average-pooled to 4 × 4, then a linear layer: (B × 3 × H × W) floats in [0, 1] → (B × d).
/// </summary>
public sealed class ImageEncoder : Module<Tensor, Tensor>
{
    public ImageEncoder(int dModel, Generator? generator = null)
    {
        Conv1 = Register("conv1", new Nn.Conv2d(3, 16, 5, 2, 2, true, null, generator));
        Conv2 = Register("conv2", new Nn.Conv2d(16, 32, 3, 2, 1, true, null, generator));
        Conv3 = Register("conv3", new Nn.Conv2d(32, 32, 3, 2, 1, true, null, generator));
        Proj = Register("proj", new Nn.Linear(32 * 4 * 4, dModel, true, null, generator));
    }

    public Nn.Conv2d Conv1 { get; }
    public Nn.Conv2d Conv2 { get; }
    public Nn.Conv2d Conv3 { get; }
    public Nn.Linear Proj { get; }

    public override Tensor Forward(Tensor images)
    {
        using var scope = TensorScope.Open();
        var x = (images - 0.5) * 2.0;
        x = Conv1.Forward(x).Relu();
        x = Conv2.Forward(x).Relu();
        x = Conv3.Forward(x).Relu();
        x = Functional.AdaptiveAvgPool2d(x, 4, 4).Flatten(1);
        return Proj.Forward(x).MoveToOuter();
    }
}
