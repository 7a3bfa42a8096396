using Orleans;
using RiptOrleans.Grains;
using RiptOrleans.Grains.Abstractions.Messages;
using RiptOrleans.Learner.Ript;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The one seam through which the command line starts a RIPT run (train, quickstart, experiment): the embedded Orleans
/// silo (DESIGN §3's default) or a cluster's gateways, and the run's thin client, which follows the learner grain to the
/// run's end.
/// </summary>
internal static class RiptRunLauncher
{
    /// <exception cref="RunFailedException">The run failed (RunFailure.Rejection: RIPT's acceptance stopped it with its message).</exception>
    public static async Task<RunResult> RunAsync(RiptRunOptions options, Action<RiptMetricsLine>? onIteration, Action<GroupEvent>? onGroup, CancellationToken ct,
        RunTarget? target = null)
    {
        await using var connection = await ConnectAsync(target ?? RunTarget.Embedded, ct);
        return await RunClient.RunAsync(connection.Grains, options, onIteration, onGroup, ct);
    }

    /// <summary>The launcher as the experiment library's delegate (the embedded silo).</summary>
    public static RiptRunStarter Starter { get; } = (options, onIteration, onGroup, ct) => RunAsync(options, onIteration, onGroup, ct);

    /// <summary>The grains of the run's silo: an embedded one (printing where its pages are), or a cluster's.</summary>
    private static async Task<GrainSource> ConnectAsync(RunTarget target, CancellationToken ct)
    {
        if (target.Cluster is { } cluster)
        {
            var connection = await ClusterConnection.ConnectAsync(cluster, target.ClusterId, ct);
            Console.Error.WriteLine($"train: on cluster '{target.ClusterId}' at {cluster}");
            return new GrainSource(connection.Grains, connection);
        }
        var silo = await EmbeddedSilo.StartAsync(new SiloSettings { Web = target.Web }, ct);
        if (silo.WebUrl is { } url)
            Console.Error.WriteLine($"train: dashboard {url}/dashboard, inspection pages {url}/ (ript inspect --url {url})");
        return new GrainSource(silo.Grains, silo);
    }

    private sealed record GrainSource(IGrainFactory Grains, IAsyncDisposable Owner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owner.DisposeAsync();
    }
}
