using RiptOrleans.Learner.Torch;

namespace RiptOrleans.Learner.Policies;

/// <summary>
/// One FSQ skill autoencoder (QueST's stage 1): an action chunk (B × L × A) → MLP encoder → TokensPerChunk latent
/// vectors quantised by <see cref="FiniteScalarQuantizer"/> → tokens; the MLP decoder maps the codes back to the chunk.
/// QueST uses causal conv + transformer layers; an MLP suits our short chunks and small CPU budget.
/// </summary>
public sealed class SkillAutoencoder : Module
{
    private readonly int _chunk, _actionDim, _tokens;

    public SkillAutoencoder(PolicyConfig config, Generator? generator = null)
    {
        _chunk = config.ChunkLength;
        _actionDim = config.ActionDim;
        _tokens = config.TokensPerChunk;
        Quantizer = new FiniteScalarQuantizer(config.FsqLevels);
        var hidden = 2 * config.DModel;
        var flat = _chunk * _actionDim;
        var latent = _tokens * Quantizer.Dim;
        Encoder = Register("encoder", new Nn.Sequential(new Nn.Linear(flat, hidden, true, null, generator), Nn.Activation.Gelu(),
            new Nn.Linear(hidden, hidden, true, null, generator), Nn.Activation.Gelu(), new Nn.Linear(hidden, latent, true, null, generator)));
        Decoder = Register("decoder", new Nn.Sequential(new Nn.Linear(latent, hidden, true, null, generator), Nn.Activation.Gelu(),
            new Nn.Linear(hidden, hidden, true, null, generator), Nn.Activation.Gelu(), new Nn.Linear(hidden, flat, true, null, generator)));
    }

    public FiniteScalarQuantizer Quantizer { get; }
    public Nn.Sequential Encoder { get; }
    public Nn.Sequential Decoder { get; }

    /// <summary>Chunks (B × L × A) → normalised codes (B × n × Dim), straight-through.</summary>
    public Tensor Encode(Tensor chunks)
    {
        using var scope = TensorScope.Open();
        var b = chunks.Size(0);
        var z = Encoder.Forward(chunks.Reshape(b, -1)).Reshape(b, _tokens, Quantizer.Dim);
        return Quantizer.Quantize(z).MoveToOuter();
    }

    /// <summary>Codes (B × n × Dim) → chunks (B × L × A).</summary>
    public Tensor Decode(Tensor codes)
    {
        using var scope = TensorScope.Open();
        var b = codes.Size(0);
        return Decoder.Forward(codes.Reshape(b, -1)).Reshape(b, _chunk, _actionDim).MoveToOuter();
    }

    /// <summary>Chunks (B × L × A) → tokens (B × n) int64.</summary>
    public Tensor Tokenize(Tensor chunks)
    {
        using var scope = TensorScope.Open();
        return Quantizer.CodesToTokens(Encode(chunks)).MoveToOuter();
    }

    /// <summary>Tokens (B × n) → chunks (B × L × A).</summary>
    public Tensor DecodeTokens(long[] tokens, int batch)
    {
        using var scope = TensorScope.Open();
        var codes = Tensor.FromArray(Quantizer.TokensToCodes(tokens), batch, _tokens, Quantizer.Dim);
        return Decode(codes).MoveToOuter();
    }
}
