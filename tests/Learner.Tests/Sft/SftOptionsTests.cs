using RiptOrleans.Learner.Policies;
using RiptOrleans.Learner.Sft;

namespace RiptOrleans.Learner.Tests.Sft;

/// <summary>Action normalisation: the family's default unless asked, and a config file's explicit choice wins.</summary>
[Trait("Category", "Fast")]
public sealed class SftOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-sft-options-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(PolicyKind.Regression, true)]
    [InlineData(PolicyKind.Tokenized, false)]
    public void NormalizesActions_Unset_FollowsTheFamily(PolicyKind kind, bool expected) =>
        Assert.Equal(expected, new SftOptions { Policy = kind }.NormalizesActions);

    [Theory]
    [InlineData(PolicyKind.Regression, false)]
    [InlineData(PolicyKind.Tokenized, true)]
    public void NormalizesActions_SetInTheConfigFile_OverridesTheFamily(PolicyKind kind, bool asked)
    {
        var path = Path.Combine(_dir, "sft.json");
        File.WriteAllText(path, $$"""{"policy": "{{kind.ToString().ToLowerInvariant()}}", "normalize_actions": {{(asked ? "true" : "false")}}}""");
        Assert.Equal(asked, SftOptions.FromFile(path).NormalizesActions);
    }
}
