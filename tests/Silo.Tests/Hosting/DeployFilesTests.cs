using System.CommandLine;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Tests.Hosting;

/// <summary>The `ript silo` command lines of deploy/'s unit and manifest files are ones the command line accepts.</summary>
[Trait("Category", "Fast")]
public class DeployFilesTests
{
    private static string Deploy(string path)
    {
        var script = LocalCluster.FindScript() ?? throw new InvalidOperationException("deploy/local-cluster not found");
        return Path.Combine(Path.GetDirectoryName(script)!, path);
    }

    /// <summary>Parses the arguments as `ript` would and checks what the silo command validates itself.</summary>
    private static void AssertValidSiloCommand(string[] args)
    {
        var root = new RootCommand();
        foreach (var c in Program.Commands()) root.Subcommands.Add(c);
        var parse = root.Parse(args);
        Assert.True(parse.Errors.Count == 0, $"{string.Join(' ', args)}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        string Value(string flag) => args[Array.IndexOf(args, flag) + 1];
        Assert.Equal("silo", args[0]);
        Assert.Contains(Value("--role"), new[] { "worker", "learner" });
        ClusterAddress.Parse(Value("--cluster"));
        Assert.True(IPAddress.TryParse(Value("--advertise"), out _), $"--advertise {Value("--advertise")}");
        if (args.Contains("--listen")) WebEndpoint.Parse(Value("--listen"));
    }

    [Theory]
    [InlineData("worker", "")]
    [InlineData("learner", "--gpu --listen 10.0.0.1:7480")]
    public void SystemdUnit_ExecStart_IsAValidSiloCommand(string instance, string flags)
    {
        var exec = File.ReadAllLines(Deploy("systemd/ript-silo@.service")).Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal));
        var line = exec.Replace("%i", instance).Replace("%H", "host-a").Replace("${RIPT_ROOT}", "/opt/ript").Replace("${RIPT_CLUSTER}", "redis://10.0.0.1:6379")
            .Replace("${RIPT_ADVERTISE}", "10.0.0.2").Replace("$RIPT_SILO_FLAGS", flags);
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        AssertValidSiloCommand(words[(Array.IndexOf(words, "silo"))..]);
    }

    [Fact]
    public void KubernetesManifest_SiloArgs_AreValidSiloCommands()
    {
        var lines = File.ReadAllLines(Deploy("kubernetes/ript.yaml")).Where(l => Regex.IsMatch(l, @"^\s*args: \[""silo""")).ToList();

        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            var args = JsonSerializer.Deserialize<string[]>(line[(line.IndexOf('[') )..])!.Select(a => a.Replace("$(POD_IP)", "10.1.2.3").Replace("$(POD_NAME)", "pod-0")).ToArray();
            AssertValidSiloCommand(args);
        }
    }
}
