using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Encoders;

/// <summary>
/// One policy's input layers: the state MLP over its state layout, a conv encoder per camera and the instruction
/// encoder, each giving one context token of width d: batch → (B × ContextTokens × d), tokens ordered state, cameras,
/// instruction.
/// </summary>
public sealed class ObservationEncoder : Module<ObservationBatch, Tensor>
{
    private readonly List<ImageEncoder> _cameras = new();

    public ObservationEncoder(PolicyConfig config, InputStatistics inputs, Generator? generator = null)
    {
        Layout = new StateLayout(config);
        State = Register("state", new StateEncoder(Layout, config.DModel, inputs.StateMean, inputs.StateStd, generator));
        foreach (var camera in config.Cameras)
            _cameras.Add(Register($"camera_{camera}", new ImageEncoder(config.DModel, generator)));
        Instruction = Register("instruction", new InstructionEncoder(inputs.Tokenizer.Count, config.DModel, generator));
        ContextTokens = 2 + config.Cameras.Count;
    }

    /// <summary>How observations' states map into this encoder's input.</summary>
    public StateLayout Layout { get; }

    public StateEncoder State { get; }
    public InstructionEncoder Instruction { get; }

    /// <summary>Tokens per observation: state, one per camera, instruction.</summary>
    public int ContextTokens { get; }

    public override Tensor Forward(ObservationBatch batch)
    {
        using var scope = TensorScope.Open();
        var tokens = new List<Tensor> { State.Forward(batch) };
        for (var c = 0; c < _cameras.Count; c++)
            tokens.Add(_cameras[c].Forward(batch.Images!.Select(1, c)));
        tokens.Add(Instruction.Forward(batch.WordIds));
        return Tensor.Stack(tokens, 1).MoveToOuter();
    }
}
