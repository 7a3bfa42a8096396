using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The embedded default (DESIGN §3): one Orleans silo in this process on loopback, hosting every grain (learner, context
/// groups, weights, registry); commands talk to it through its co-hosted client. No external service is needed.
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private static readonly ILogger Logger = Log.ForContext<EmbeddedSilo>();
    private readonly IHost _host;

    private EmbeddedSilo(IHost host) => _host = host;

    /// <summary>The silo's client: grain references for the command's calls.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<EmbeddedSilo> StartAsync(SiloSettings? settings = null, CancellationToken ct = default)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(RiptSilo.ConfigureLogging)
            .UseOrleans(silo => RiptSilo.Configure(silo, settings ?? new SiloSettings()))
            .Build();
        await host.StartAsync(ct);
        Logger.Debug("Embedded silo started");
        return new EmbeddedSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
