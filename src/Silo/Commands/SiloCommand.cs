using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RiptOrleans.Grains.Abstractions;
using RiptOrleans.Grains.Placement;
using RiptOrleans.Learner.Torch;
using RiptOrleans.Silo.Cli;
using RiptOrleans.Silo.Hosting;

namespace RiptOrleans.Silo.Commands;

/// <summary>
/// `ript silo`: one silo of a cluster whose membership is in Redis. A worker runs context groups on its slots; the
/// learner silo (the GPU host's) runs the learner grains and serves the dashboard and inspection pages. Prints what it
/// joined, who comes and goes, and what it hosts; SIGTERM hands its running groups back and leaves the cluster.
/// </summary>
internal static class SiloCommand
{
    private static readonly Option<string> RoleOption = new("--role") { Description = "worker (rollouts) or learner (the update, the dashboard).", Required = true };
    private static readonly Option<bool> GpuOption = new("--gpu") { Description = "This learner silo updates on a GPU (the learner grain prefers it)." };
    private static readonly Option<string> ClusterOption = new("--cluster") { Description = "The cluster's Redis: redis://host:port[/db].", Required = true };
    private static readonly Option<string> ClusterIdOption = new("--cluster-id") { Description = "Cluster id (several clusters may share one Redis).", DefaultValueFactory = _ => "ript" };
    private static readonly Option<int> PortOption = new("--port") { Description = "Silo-to-silo port (0: a free one).", DefaultValueFactory = _ => 11111 };
    private static readonly Option<int> GatewayPortOption = new("--gateway-port") { Description = "Port clients (ript train --cluster) connect to (0: a free one).", DefaultValueFactory = _ => 30000 };
    private static readonly Option<string> AdvertiseOption = new("--advertise") { Description = "IP address other hosts reach this silo at (default 127.0.0.1: one machine).", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<int> SlotsOption = new("--slots") { Description = "Rollout groups this worker runs at once (default: one per core).", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<string> NameOption = new("--name") { Description = "Silo name shown in membership, the dashboard and logs." };
    private static readonly Option<string> ListenOption = new("--listen") { Description = $"Dashboard and inspection pages at ADDRESS:PORT (learner default 127.0.0.1:{WebEndpoint.DefaultPort}; 0.0.0.0 opens them to the network)." };
    private static readonly Option<bool> NoDashboardOption = new("--no-dashboard") { Description = "No dashboard or inspection pages on this learner silo." };
    // Tests start a silo "built" with another schema to check that the cluster refuses it.
    private static readonly Option<int> SchemaOption = new("--message-schema") { Hidden = true, DefaultValueFactory = _ => MessageSchema.Version };

    public static Command Create()
    {
        var command = new Command("silo", "Run one silo of a cluster (membership in Redis): a worker runs rollouts, the learner silo runs the update and the dashboard.");
        foreach (var o in new Option[] { RoleOption, GpuOption, ClusterOption, ClusterIdOption, PortOption, GatewayPortOption, AdvertiseOption, SlotsOption, NameOption,
                     ListenOption, NoDashboardOption, SchemaOption })
            command.Options.Add(o);
        command.SetAction(async (parse, ct) =>
        {
            var role = parse.GetValue(RoleOption)!;
            if (role is not (SiloMetadataKeys.Worker or SiloMetadataKeys.Learner))
                return CommandExit.Usage("silo", $"--role must be worker or learner, got '{role}'");
            var gpu = parse.GetValue(GpuOption);
            if (gpu && role != SiloMetadataKeys.Learner)
                return CommandExit.Usage("silo", "--gpu is for the learner silo (the update runs there)");
            ClusterAddress cluster;
            WebEndpoint? web = null;
            try
            {
                cluster = ClusterAddress.Parse(parse.GetValue(ClusterOption)!);
                if (parse.GetValue(ListenOption) is { } listen) web = WebEndpoint.Parse(listen);
                else if (role == SiloMetadataKeys.Learner && !parse.GetValue(NoDashboardOption)) web = WebEndpoint.Default;
            }
            catch (FormatException e)
            {
                return CommandExit.Usage("silo", e.Message);
            }
            if (!IPAddress.TryParse(parse.GetValue(AdvertiseOption), out var advertise))
                return CommandExit.Usage("silo", $"--advertise: '{parse.GetValue(AdvertiseOption)}' is not an IP address");
            var (port, gatewayPort, slots) = (parse.GetValue(PortOption), parse.GetValue(GatewayPortOption), parse.GetValue(SlotsOption));
            if (port is < 0 or > 65535 || gatewayPort is < 0 or > 65535)
                return CommandExit.Usage("silo", $"--port and --gateway-port must be in [0, 65535], got {port} and {gatewayPort}");
            if (slots < 1)
                return CommandExit.Usage("silo", $"--slots must be ≥ 1, got {slots}");
            var settings = new SiloSettings(role, gpu, ClusteringMode.Redis, port, gatewayPort)
            {
                ClusterId = parse.GetValue(ClusterIdOption)!,
                Cluster = cluster,
                AdvertisedAddress = advertise,
                Slots = slots,
                Name = parse.GetValue(NameOption) ?? $"{role}-{Environment.MachineName}-{port}",
                Schema = parse.GetValue(SchemaOption),
                Web = web,
            };
            return await RunAsync(settings, ct);
        });
        return command;
    }

    internal static async Task<int> RunAsync(SiloSettings settings, CancellationToken ct)
    {
        var cluster = settings.Cluster!;
        if (await RedisProbe.CheckAsync(cluster, TimeSpan.FromSeconds(5)) is { } unreachable)
            return CommandExit.Failed("ript silo", unreachable);
        // A worker runs its slots' groups at once, each on its own thread: libtorch's intra-op threads on top (one per core
        // by default) would oversubscribe the cores, their spin-waits taking the cycles of the other slots and silos.
        if (settings.Role == SiloMetadataKeys.Worker)
            Torch.Threads = 1;
        using var host = SiloHost.Build(settings);
        try
        {
            await host.StartAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return CommandExit.Failed("ript silo", $"could not start the silo: {e.Message}");
        }
        var membership = host.Services.GetRequiredService<IClusterMembershipService>();
        var metadata = host.Services.GetRequiredService<ISiloMetadataCache>();
        var local = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        if (await RefusalAsync(membership, metadata, local, settings, ct) is { } refusal)
        {
            Console.Error.WriteLine($"ript silo: refused: {refusal}");
            await host.StopAsync(CancellationToken.None);
            return RiptFatalErrorHandler.ExitCode;
        }
        var slots = settings.Role == SiloMetadataKeys.Worker ? $", {settings.Slots} rollout slots" : "";
        Console.Out.WriteLine($"ript silo: joined cluster '{settings.ClusterId}' at {cluster} as {settings.Role} silo {settings.Name} ({local}){slots}{(settings.Gpu ? ", GPU" : "")}, message schema {settings.Schema}");
        var members = Members(membership, metadata);
        Console.Out.WriteLine($"ript silo: members: {string.Join("; ", members.Values)}");
        if (SiloHost.WebUrl(host, settings) is { } url)
            Console.Out.WriteLine($"ript silo: dashboard {url}/dashboard, inspection pages {url}/ (ript inspect --url {url})");
        Console.Out.WriteLine("ript silo: ready");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime.ApplicationStopping);
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var hosting = "";
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stopping.Token);
                var now = Members(membership, metadata);
                foreach (var (silo, text) in now.Where(kv => !members.ContainsKey(kv.Key)))
                    Console.Out.WriteLine($"ript silo: joined: {text}");
                foreach (var (silo, text) in members.Where(kv => !now.ContainsKey(kv.Key)))
                    Console.Out.WriteLine($"ript silo: left or dead: {text}");
                members = now;
                var h = await HostingAsync(grains, local);
                if (h != hosting)
                    Console.Out.WriteLine($"ript silo: hosting {(h.Length == 0 ? "no grains" : h)}");
                hosting = h;
            }
        }
        catch (OperationCanceledException)
        {
        }
        Console.Out.WriteLine("ript silo: stopping (running groups are handed back to the learner)");
        await host.StopAsync(CancellationToken.None);
        Console.Out.WriteLine("ript silo: stopped");
        return CommandExit.Ok;
    }

    /// <summary>Active silos other than this one, described by name and metadata.</summary>
    private static Dictionary<SiloAddress, string> Members(IClusterMembershipService membership, ISiloMetadataCache metadata) =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).ToDictionary(m => m.SiloAddress, m =>
        {
            var md = metadata.GetSiloMetadata(m.SiloAddress).Metadata;
            var role = md.GetValueOrDefault(SiloMetadataKeys.Role) ?? "?";
            var slots = role == SiloMetadataKeys.Worker ? $", {md.GetValueOrDefault(SiloMetadataKeys.Slots)} slots" : "";
            return $"{m.Name} ({role}{slots}{(md.GetValueOrDefault(SiloMetadataKeys.Gpu) == "true" ? ", GPU" : "")}) {m.SiloAddress.Endpoint}";
        });

    /// <summary>
    /// A silo of another message schema is refused: it would deserialize messages wrongly. The younger silo leaves, so a
    /// running cluster keeps going and a new build cannot join it by accident (silos of two schemas never share grains:
    /// placement keeps to the caller's schema meanwhile).
    /// </summary>
    private static async Task<string?> RefusalAsync(IClusterMembershipService membership, ISiloMetadataCache metadata, SiloAddress local, SiloSettings settings,
        CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var others = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(local)).ToList();
            var known = others.Select(m => (Member: m, Metadata: metadata.GetSiloMetadata(m.SiloAddress).Metadata)).ToList();
            var older = known.Where(x => x.Metadata.TryGetValue(SiloMetadataKeys.Schema, out var s) && s != settings.Schema.ToString(System.Globalization.CultureInfo.InvariantCulture)
                                         && x.Member.SiloAddress.Generation < local.Generation).ToList();
            if (older.Count > 0)
                return $"cluster '{settings.ClusterId}' at {settings.Cluster} runs message schema {older[0].Metadata[SiloMetadataKeys.Schema]} " +
                       $"(silos {string.Join(", ", older.Select(x => x.Member.Name))}); this silo is built with schema {settings.Schema}. " +
                       "Run one build across the cluster: stop the old silos first, or give this one another --cluster-id.";
            if (known.All(x => x.Metadata.Count > 0) || DateTime.UtcNow > deadline)
                return null;
            await Task.Delay(200, ct);
        }
    }

    /// <summary>"3 ContextGroupGrain (a, b, c), 1 LearnerGrain (run)": the RiptOrleans grains active on this silo.</summary>
    private static async Task<string> HostingAsync(IGrainFactory grains, SiloAddress local)
    {
        try
        {
            var stats = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, [local]);
            return string.Join(", ", stats
                .Select(s => (Type: s.GrainType.Split(',')[0], Key: s.GrainId.Key.ToString() ?? ""))
                .Where(s => s.Type.StartsWith("RiptOrleans.", StringComparison.Ordinal))
                .GroupBy(s => s.Type[(s.Type.LastIndexOf('.') + 1)..])
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key} ({string.Join(", ", g.Select(s => s.Key).Order(StringComparer.Ordinal).Take(6))}{(g.Count() > 6 ? ", ..." : "")})"));
        }
        catch (Exception e)
        {
            return $"(grain statistics unavailable: {e.Message})";
        }
    }
}
