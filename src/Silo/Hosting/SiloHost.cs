using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;
using RiptOrleans.Silo.Inspection;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// Builds the process that hosts one silo: a generic host, or, when the silo serves pages (<see cref="SiloSettings.Web"/>),
/// a Kestrel web host with the Orleans Dashboard under /dashboard and the inspection pages and JSON at / beside it.
/// </summary>
public static class SiloHost
{
    public static IHost Build(SiloSettings settings)
    {
        if (settings.Web is not { } web)
            return Host.CreateDefaultBuilder()
                .ConfigureLogging(RiptSilo.ConfigureLogging)
                .UseOrleans(silo => RiptSilo.Configure(silo, settings))
                .Build();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        RiptSilo.ConfigureLogging(builder.Logging);
        builder.WebHost.UseKestrel(k => k.Listen(web.Address, web.Port));
        builder.UseOrleans(silo => RiptSilo.Configure(silo, settings));
        builder.Services.AddSingleton<ClusterInspector>();
        var app = builder.Build();
        app.MapOrleansDashboard(routePrefix: "/dashboard");
        InspectionEndpoints.Map(app);
        return app;
    }

    /// <summary>The URL the pages answer at once the host has started (the bound port when 0 was asked), or null.</summary>
    public static string? WebUrl(IHost host, SiloSettings settings)
    {
        if (settings.Web is not { } web) return null;
        var addresses = host.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var port = addresses?.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal)).Port).FirstOrDefault() ?? web.Port;
        return web.Url(port);
    }
}
