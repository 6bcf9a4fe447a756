using System.Net;

namespace ShopifyPS.Emulator;

/// <summary>The emulator has no authentication worth the name, so it only ever binds to loopback.</summary>
internal static class LoopbackUrl
{
    public static string Parse(string url)
    {
        if (url.Contains(';')) throw new ArgumentException("The emulator listens on a single URL.");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "http")
            throw new ArgumentException($"'{url}' is not an http:// URL.");
        var host = uri.Host.Trim('[', ']');
        var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
        if (!loopback) throw new ArgumentException($"Refusing to listen on '{uri.Host}': the emulator binds to loopback addresses only.");
        // Port 0 with "localhost" would bind twice (IPv4 and IPv6) on different ports; pin IPv4.
        return host == "localhost" ? $"http://127.0.0.1:{uri.Port}" : $"http://{uri.Authority}";
    }
}
