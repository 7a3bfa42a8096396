using System.Diagnostics;

namespace RiptOrleans.Silo.Hosting;

/// <summary>The kill test behind the benchmarks' failure-detection figure: kill -9 a silo of a local cluster, time until the cluster declares it dead.</summary>
internal static class FailureDetectionProbe
{
    /// <returns>Seconds from the kill until the membership table marks the silo dead (null: not within a minute).</returns>
    public static async Task<double?> MeasureAsync(LocalCluster cluster, IGrainFactory grains, string silo)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var address = (await management.GetDetailedHosts(onlyActive: true)).Single(h => h.SiloName == silo).SiloAddress;
        var sw = Stopwatch.StartNew();
        await cluster.SignalAsync(silo, "KILL");
        while (sw.Elapsed < TimeSpan.FromMinutes(1))
        {
            try
            {
                var hosts = await management.GetHosts(onlyActive: false);
                if (hosts.TryGetValue(address, out var status) && status == SiloStatus.Dead)
                    return sw.Elapsed.TotalSeconds;
            }
            catch (Exception)
            {
                // The management grain may have lived on the killed silo: the next call reactivates it elsewhere.
            }
            await Task.Delay(20);
        }
        return null;
    }
}
