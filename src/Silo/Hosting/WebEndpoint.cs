using System.Globalization;
using System.Net;

namespace RiptOrleans.Silo.Hosting;

/// <summary>Where the dashboard and inspection pages listen (`--listen ADDRESS:PORT`); loopback unless the user says otherwise.</summary>
public sealed record WebEndpoint(IPAddress Address, int Port)
{
    public const int DefaultPort = 7480;

    public static readonly WebEndpoint Default = new(IPAddress.Loopback, DefaultPort);

    /// <summary>ADDRESS:PORT, :PORT or PORT (loopback), or ADDRESS (the default port); port 0 picks a free one.</summary>
    /// <exception cref="FormatException">Names the bad value.</exception>
    public static WebEndpoint Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        var (host, port) = colon < 0
            ? (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? ("", text) : (text, ""))
            : (text[..colon], text[(colon + 1)..]);
        var address = IPAddress.Loopback;
        if (host is "localhost") address = IPAddress.Loopback;
        else if (host.Length > 0 && !IPAddress.TryParse(host.Trim('[', ']'), out address!))
            throw new FormatException($"--listen: '{host}' is not an IP address (e.g. 127.0.0.1:{DefaultPort}, 0.0.0.0:{DefaultPort})");
        var p = DefaultPort;
        if (port.Length > 0 && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p > 65535))
            throw new FormatException($"--listen: port '{port}' is not a number in [0, 65535]");
        return new WebEndpoint(address, p);
    }

    public string Url(int port) => $"http://{(Address.Equals(IPAddress.Any) ? "127.0.0.1" : Address.ToString())}:{port}";
}
