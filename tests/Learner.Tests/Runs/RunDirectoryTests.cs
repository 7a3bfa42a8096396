using System.Diagnostics;
using RiptOrleans.Learner.Runs;

namespace RiptOrleans.Learner.Tests.Runs;

/// <summary>A run directory has one owner, and a run it holds is never started over silently.</summary>
[Trait("Category", "Fast")]
public sealed class RunDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ript-run-").FullName;
    private string Run => Path.Combine(_dir, "run");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Claim_OwnedByThisProcess_RefusesASecondOwnerNamingThePidAndHost()
    {
        using var first = RunDirectory.Claim(Run, RunStart.Fresh, "ript train");

        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Claim(Run, RunStart.Resume, "ript train"));

        Assert.Contains($"PID {Environment.ProcessId} on host {Environment.MachineName}", e.Message);
        Assert.Contains("ript train", e.Message);
    }

    [Fact]
    public void Claim_AfterTheOwnerReleased_Succeeds()
    {
        RunDirectory.Claim(Run, RunStart.Fresh, "ript train").Dispose();

        using var second = RunDirectory.Claim(Run, RunStart.Fresh, "ript train");

        Assert.Equal(Path.GetFullPath(Run), second.Path);
    }

    [Fact]
    public void Claim_LockedByAnotherProcess_IsRefused()
    {
        Directory.CreateDirectory(Run);
        using var holder = Process.Start(new ProcessStartInfo("flock", [Path.Combine(Run, RunDirectory.LockFile), "sleep", "30"]))!;
        try
        {
            WaitUntil(() => !TryFlock(Path.Combine(Run, RunDirectory.LockFile)));

            var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Claim(Run, RunStart.Fresh, "ript train"));

            Assert.Contains("is in use by", e.Message);
        }
        finally
        {
            holder.Kill();
        }
    }

    [Fact]
    public void Claim_Held_AnotherProcessCannotLock()
    {
        using var owner = RunDirectory.Claim(Run, RunStart.Fresh, "ript train");

        Assert.False(TryFlock(Path.Combine(Run, RunDirectory.LockFile)));
    }

    [Fact]
    public void Claim_FreshOnADirectoryHoldingARun_RefusesNamingResumeAndForce()
    {
        Directory.CreateDirectory(Run);
        File.WriteAllText(Path.Combine(Run, "metrics.jsonl"), "{}\n{}\n");

        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Claim(Run, RunStart.Fresh, "ript train"));

        Assert.Contains("holds a run (metrics.jsonl of 2 lines)", e.Message);
        Assert.Contains("--resume", e.Message);
        Assert.Contains("--force", e.Message);
        Assert.Contains(".previous-", e.Message);
    }

    [Fact]
    public void Claim_Force_MovesTheOldRunToPreviousAndLosesNothing()
    {
        Directory.CreateDirectory(Path.Combine(Run, "checkpoint-ript-000003"));
        File.WriteAllText(Path.Combine(Run, "metrics.jsonl"), "{}\n");

        using var claim = RunDirectory.Claim(Run, RunStart.Force, "ript train");

        Assert.NotNull(claim.Previous);
        Assert.True(File.Exists(Path.Combine(claim.Previous, "metrics.jsonl")));
        Assert.True(Directory.Exists(Path.Combine(claim.Previous, "checkpoint-ript-000003")));
        Assert.False(File.Exists(Path.Combine(Run, "metrics.jsonl")));
    }

    [Fact]
    public void Claim_Resume_KeepsTheRun()
    {
        Directory.CreateDirectory(Run);
        File.WriteAllText(Path.Combine(Run, "metrics.jsonl"), "{}\n");

        using var claim = RunDirectory.Claim(Run, RunStart.Resume, "ript train");

        Assert.True(File.Exists(Path.Combine(Run, "metrics.jsonl")));
    }

    [Fact]
    public void Claim_PathIsAFile_ThrowsNamingIt()
    {
        File.WriteAllText(Run, "x");

        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Claim(Run, RunStart.Fresh, "ript sft"));

        Assert.Contains($"{Run} is a file", e.Message);
    }

    [Fact]
    public void Claim_DirectoryThatCannotBeCreated_ThrowsNamingIt()
    {
        // /proc refuses new entries even to root, who may write anywhere else.
        var e = Assert.Throws<RunDirectoryException>(() => RunDirectory.Claim("/proc/ript-run", RunStart.Fresh, "ript sft"));

        Assert.Contains("/proc/ript-run", e.Message);
    }

    private static bool TryFlock(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("flock", ["-n", path, "true"]))!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private static void WaitUntil(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException("the other process did not take the lock in 10 s");
            Thread.Sleep(50);
        }
    }
}
