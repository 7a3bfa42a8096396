using System.Globalization;
using StackExchange.Redis;

namespace RiptOrleans.Silo.Hosting;

/// <summary>
/// Where a cluster's membership lives: a Redis server given as redis://host:port[/db] (`--cluster`). Every silo and client
/// of one cluster names the same one; the server should keep its data across restarts (appendonly yes).
/// </summary>
public sealed record ClusterAddress(string Host, int Port, int Database)
{
    public const string Scheme = "redis";

    /// <exception cref="FormatException">The URL is not redis://host:port[/db]; the message names it.</exception>
    public static ClusterAddress Parse(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Scheme)
            throw new FormatException($"--cluster: expected redis://host:port[/db] (membership in Redis), got '{url}'");
        if (uri.Host.Length == 0)
            throw new FormatException($"--cluster: '{url}' names no host");
        var database = 0;
        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0 && (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out database) || database > 15))
            throw new FormatException($"--cluster: database '{path}' of '{url}' is not a number in [0, 15]");
        return new ClusterAddress(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port, database);
    }

    /// <summary>StackExchange.Redis options: keep retrying while Redis restarts instead of failing the silo.</summary>
    public ConfigurationOptions RedisOptions()
    {
        var o = new ConfigurationOptions
        {
            AbortOnConnectFail = false,
            DefaultDatabase = Database,
            ConnectTimeout = 5000,
            SyncTimeout = 5000,
            AsyncTimeout = 5000,
        };
        o.EndPoints.Add(Host, Port);
        return o;
    }

    public override string ToString() => Database == 0 ? $"{Scheme}://{Host}:{Port}" : $"{Scheme}://{Host}:{Port}/{Database}";
}
