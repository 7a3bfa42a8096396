using RiptOrleans.Physics.Experts;
using RiptOrleans.Physics.Tasks;
using RiptOrleans.Silo.Tests.Commands;
using RiptOrleans.Silo.Tests.Support;

namespace RiptOrleans.Silo.Tests.Cli;

/// <summary>Ctrl-C and SIGTERM against real `ript` processes: the conventional exit codes and a word on where things stand.</summary>
[Trait("Category", "Slow")]
public class InterruptionTests(ReachSftFixture sft) : IClassFixture<ReachSftFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    [Fact]
    public void Train_SigintDuringTheRun_Exits130AndSaysHowToContinue()
    {
        var run = Path.Combine(sft.Directory, "interrupted");
        using var ript = new RiptProcess("train", "--checkpoint", sft.Checkpoint, "--task", "metaworld-mini/reach", "--contexts-per-task", "6",
            "--iterations", "1000", "--k", "4", "--batch-size", "8", "--epochs", "1", "--minibatch-size", "4", "--dynamic-rejection", "false",
            "--eval-inits", "0", "--workers", "2", "--out", run);
        // An iteration is whole once its checkpoint is there (its metrics line is written just before it).
        Assert.True(ript.WaitUntil(() => File.Exists(Path.Combine(run, "metrics.jsonl")) && File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Length >= 1
            && Directory.Exists(Path.Combine(run, "checkpoint")), Patience), ript.Stderr);

        ript.Signal("INT");

        Assert.Equal(130, ript.Exit(Patience));
        Assert.Matches(@"stopped during iteration \d+/1000; the last checkpoint is iteration \d+", ript.Stderr);
        Assert.Contains($"continue with: ript train --checkpoint {sft.Checkpoint}", ript.Stderr);
        Assert.Contains("--resume", ript.Stderr);
        Assert.DoesNotContain("   at ", ript.Stderr);
    }

    [Fact]
    public void Sft_SigtermDuringTraining_Exits143NamingTheSignal()
    {
        var demos = Path.Combine(sft.Directory, "sigterm-demos");
        DemoGenerator.Generate(TaskRegistry.Get("metaworld-mini/reach"), new DemoGenerator.Options(1)).Save(Path.Combine(demos, "reach.safetensors"));
        using var ript = new RiptProcess("sft", "--demo-dir", demos, "--task", "metaworld-mini/reach", "--demos", "1", "--policy", "regression",
            "--steps", "10000000", "--eval-inits", "0", "--out", Path.Combine(sft.Directory, "sigterm-sft"));
        Assert.True(ript.WaitUntil(() => File.Exists(Path.Combine(sft.Directory, "sigterm-sft", ".lock")), Patience), ript.Stderr);

        ript.Signal("TERM");

        Assert.Equal(143, ript.Exit(Patience));
        Assert.Contains("sft: SIGTERM", ript.Stderr);
        Assert.DoesNotContain("   at ", ript.Stderr);
    }
}
