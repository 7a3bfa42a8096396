using StackExchange.Redis;

namespace RiptOrleans.Silo.Hosting;

/// <summary>Checks, before a silo or client joins, that the cluster's Redis answers, so a wrong --cluster is an error that names it instead of a silent retry loop.</summary>
public static class RedisProbe
{
    /// <returns>null when Redis answered a PING; else what went wrong, in a sentence naming the address.</returns>
    public static async Task<string?> CheckAsync(ClusterAddress cluster, TimeSpan timeout)
    {
        var options = cluster.RedisOptions();
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = (int)timeout.TotalMilliseconds;
        options.ConnectRetry = 1;
        try
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
            await redis.GetDatabase().PingAsync();
            return null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return $"cannot reach Redis at {cluster} ({e.Message.Split('\n')[0].Trim()}); start it (deploy/local-cluster start, or redis-server --bind {cluster.Host} --port {cluster.Port} --appendonly yes) or fix --cluster";
        }
    }
}
