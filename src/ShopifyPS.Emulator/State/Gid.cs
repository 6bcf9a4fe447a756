using System.Globalization;

namespace ShopifyPS.Emulator.State;

/// <summary>Shopify global ids: gid://shopify/&lt;Type&gt;/&lt;number&gt;[?query].</summary>
internal static class Gid
{
    private const string Prefix = "gid://shopify/";

    public static string Of(string type, long id) => string.Concat(Prefix, type, "/", id.ToString(CultureInfo.InvariantCulture));

    /// <summary>Parses a gid of the expected type; anything else (other type, junk) is not found.</summary>
    public static bool TryParse(string? gid, string type, out long id)
    {
        id = 0;
        if (gid == null || !gid.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = gid.AsSpan(Prefix.Length);
        var slash = rest.IndexOf('/');
        if (slash < 0 || !rest[..slash].SequenceEqual(type)) return false;
        var num = rest[(slash + 1)..];
        var q = num.IndexOf('?');
        if (q >= 0) num = num[..q];
        return long.TryParse(num, NumberStyles.None, CultureInfo.InvariantCulture, out id);
    }

    public static string? TypeOf(string? gid)
    {
        if (gid == null || !gid.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var rest = gid[Prefix.Length..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? null : rest[..slash];
    }
}
