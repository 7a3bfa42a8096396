using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Serilog;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// The embedded default (DESIGN §3): one Orleans silo in this process on loopback, hosting every grain (learner, context
/// groups, weights, registry); commands talk to it through its co-hosted client. No external service is needed. With
/// <see cref="SiloSettings.Web"/> it also serves the dashboard and inspection pages (`ript train --dashboard`).
/// </summary>
internal sealed class EmbeddedSilo : IAsyncDisposable
{
    private static readonly ILogger Logger = Log.ForContext<EmbeddedSilo>();
    private readonly IHost _host;

    private EmbeddedSilo(IHost host, string? webUrl) => (_host, WebUrl) = (host, webUrl);

    /// <summary>The silo's client: grain references for the command's calls.</summary>
    public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Where the dashboard (/dashboard) and inspection pages (/) answer; null without a web endpoint.</summary>
    public string? WebUrl { get; }

    public static async Task<EmbeddedSilo> StartAsync(SiloSettings? settings = null, CancellationToken ct = default)
    {
        settings ??= new SiloSettings();
        var host = SiloHost.Build(settings);
        await host.StartAsync(ct);
        Logger.Debug("Embedded silo started");
        return new EmbeddedSilo(host, SiloHost.WebUrl(host, settings));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
