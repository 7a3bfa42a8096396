using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;

namespace RiptOrleans.Learner.Tests.Support;

/// <summary>A temporary directory of scripted-expert demonstrations of metaworld-mini/reach (state only), shared by a test class.</summary>
public sealed class ReachDemosFixture : IDisposable
{
    public ReachDemosFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("ript-demos-").FullName;
        var spec = TaskRegistry.Get("metaworld-mini/reach");
        DemoGenerator.Generate(spec, new DemoGenerator.Options(10)).Save(Path.Combine(Directory, "reach.safetensors"));
    }

    public string Directory { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
