using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
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
    /// <summary>
    /// Failure detection tuned for runs (research/orleans.md §1): probes every second, a silo declared dead after 3 missed
    /// probes. A killed process refuses connections at once and is out in about 1-3 s (measured by `ript bench cluster`);
    /// a frozen or unreachable one only after 3 probe timeouts, which stretch to <see cref="MaxProbeTimeout"/> when answers
    /// come late, so a silo whose cores are all busy with rollouts (slow, not dead) is not voted out.
    /// </summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    public const int MissedProbes = 3;

    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(4);

    /// <summary>The longest a silo that stopped answering stays a member: <see cref="MaxProbeTimeout"/> x <see cref="MissedProbes"/>.</summary>
    public static TimeSpan FailureDetectionWindow => MaxProbeTimeout * MissedProbes;

    public static ISiloBuilder Configure(ISiloBuilder silo, SiloSettings settings)
    {
        silo.UseSiloMetadata(settings.Metadata());
        silo.AddRiptGrains();
        silo.Configure<SiloMessagingOptions>(o => o.MaxMessageBodySize = settings.MaxMessageBodySize);
        silo.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = settings.MaxMessageBodySize);
        silo.Configure<ClusterMembershipOptions>(m =>
        {
            m.ProbeTimeout = ProbeTimeout;
            m.MaxProbeTimeout = MaxProbeTimeout;
            m.NumMissedProbesLimit = MissedProbes;
            // Read the table every 10 s (not 60): joins are seen sooner, and a silo whose metadata could not be read is retried sooner.
            m.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        // Rollout threads and the learner's update keep cores busy: turns are short, but warn only past 5 s.
        silo.Configure<SchedulingOptions>(o => o.TurnWarningLengthThreshold = TimeSpan.FromSeconds(5));
        // "Declared dead" (a silo frozen past the detection window) ends the process with a message instead of a crash dump.
        silo.Services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, RiptFatalErrorHandler>());
        if (settings.Name is not null)
            silo.Configure<SiloOptions>(o => o.SiloName = settings.Name);
        if (settings.Web is not null || settings.Clustering == ClusteringMode.Redis)
            silo.AddDashboard(); // every silo of a cluster: the dashboard on the learner silo reads each silo's grain statistics
        switch (settings.Clustering)
        {
            case ClusteringMode.Localhost:
                var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
                var gatewayPort = settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort;
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ClusterId, clusterId: settings.ClusterId);
                break;
            case ClusteringMode.Redis:
                var cluster = settings.Cluster ?? throw new ArgumentException("Redis clustering needs a cluster address (--cluster redis://host:port)");
                silo.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (settings.ClusterId, settings.ClusterId));
                silo.UseRedisClustering(o => o.ConfigurationOptions = cluster.RedisOptions());
                silo.ConfigureEndpoints(settings.AdvertisedAddress, settings.SiloPort == 0 ? FreePort() : settings.SiloPort,
                    settings.GatewayPort == 0 ? FreePort() : settings.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(settings.AdvertisedAddress));
                // The default directory deactivates grains on surviving silos when a silo dies; the distributed one does not.
                // Its lease on a dead silo's ranges (against duplicates in a split brain) ends when detection does, so a
                // lost group's grain reactivates at once (research/orleans.md §1, point 4).
#pragma warning disable ORLEANSEXP003
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
                silo.Configure<GrainDirectoryOptions>(g => g.RangeLeaseDuration = FailureDetectionWindow);
                break;
        }
        return silo;
    }

    /// <summary>The thin client of a cluster (`ript train --cluster`): Redis membership and the silos' message size.</summary>
    public static IClientBuilder ConfigureClient(IClientBuilder client, ClusterAddress cluster, string clusterId = "ript", int maxMessageBodySize = 512 << 20)
    {
        client.Configure<ClusterOptions>(c => (c.ClusterId, c.ServiceId) = (clusterId, clusterId));
        client.UseRedisClustering(o => o.ConfigurationOptions = cluster.RedisOptions());
        client.Configure<ClientMessagingOptions>(o => o.MaxMessageBodySize = maxMessageBodySize);
        // Re-read the gateways every 2 s (not 60): a silo declared dead stops being one of the client's gateways at once.
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        return client;
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
