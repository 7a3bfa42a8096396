using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RiptOrleans.Grains;
using Serilog;
using Serilog.Extensions.Logging;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The one place a RiptOrleans silo is configured: metadata (role, gpu) for placement, the grains' services, message
/// size, timeouts, failure detection and grain lifetime; then the clustering choice. Every silo (embedded, cluster,
/// test) goes through <see cref="Configure"/>.
/// </summary>
public static class RiptSilo
{
    public static ISiloBuilder Configure(ISiloBuilder silo, SiloSettings settings)
    {
        silo.UseSiloMetadata(settings.Metadata());
        silo.AddRiptGrains();
        silo.Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = settings.MaxMessageBodySize);
        silo.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = settings.MaxMessageBodySize);
        // A killed silo is declared dead in ~1-2 s instead of ~12 s; a CPU-starved one (rollouts on every core) still
        // answers within 2 s x 3 probes (research/orleans.md §1).
        silo.Configure<ClusterMembershipOptions>(m =>
        {
            m.ProbeTimeout = TimeSpan.FromSeconds(2);
            m.NumMissedProbesLimit = 3;
        });
        // Rollout threads and the learner's update keep cores busy: turns are short, but warn only past 5 s.
        silo.Configure<SchedulingOptions>(o => o.TurnWarningLengthThreshold = TimeSpan.FromSeconds(5));
        if (settings.Clustering == ClusteringMode.Localhost)
        {
            var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
            var gatewayPort = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ClusterId, clusterId: settings.ClusterId);
        }
        return silo;
    }

    /// <summary>Orleans logs through Serilog; its own chatter only from Warning up.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSerilog(dispose: false);
        // Provider-specific rules: AddSerilog adds its own "everything" rule for its provider, which beats generic ones.
        foreach (var category in new[] { "Orleans", "Microsoft", "Polly", "Runtime" })
            logging.AddFilter<SerilogLoggerProvider>(category, LogLevel.Warning);
        // Start-up notes of every silo (ServerGC advice, the watchdog's first check): not actionable for a command.
        logging.AddFilter<SerilogLoggerProvider>("Orleans.Runtime.Silo", LogLevel.Error);
        logging.AddFilter<SerilogLoggerProvider>("Orleans.Runtime.Watchdog", LogLevel.Error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
