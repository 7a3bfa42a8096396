using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// A thin client of a cluster (`ript train --cluster`): finds the silos' gateways through Redis membership and sends the
/// run's calls there. The run itself goes on inside the cluster; this process only starts it and follows it.
/// </summary>
internal sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <exception cref="InvalidOperationException">Redis or every gateway is unreachable; the message says which and what to do.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterAddress cluster, string clusterId, CancellationToken ct)
    {
        if (await RedisProbe.CheckAsync(cluster, TimeSpan.FromSeconds(5)) is { } unreachable)
            throw new InvalidOperationException(unreachable);
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(RiptSilo.ConfigureLogging)
            .UseOrleansClient(client => RiptSilo.ConfigureClient(client, cluster, clusterId))
            .Build();
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            host.Dispose();
            throw new InvalidOperationException($"no silo of cluster '{clusterId}' at {cluster} answers ({e.Message}); start one (ript silo --role learner --cluster {cluster}, or deploy/local-cluster start)", e);
        }
        return new ClusterConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
