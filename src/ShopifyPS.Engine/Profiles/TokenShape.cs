using System.Text.RegularExpressions;

namespace ShopifyPS.Profiles;

/// <summary>
/// What a Shopify secret looks like (shpat_…, shpca_…, shppa_…, shpss_…: Shopify's access tokens and app secrets carry
/// these prefixes), so one pasted where a variable name or path belongs is refused without being repeated, and no
/// text ShopifyPS writes to a console, log or database ever carries one.
/// </summary>
public static partial class TokenShape
{
    [GeneratedRegex("shp[a-z]{2,4}_[A-Za-z0-9_-]{4,}")]
    private static partial Regex Prefixed();

    // Client secrets and legacy tokens are 32 or more hexadecimal digits without a prefix.
    [GeneratedRegex("^[0-9a-fA-F]{32,}$")]
    private static partial Regex Hexadecimal();

    public const string Mask = "[token removed]";

    /// <summary>True when a setting's value is a secret rather than the name of where the secret is.</summary>
    public static bool LooksLikeToken(string? value) =>
        !string.IsNullOrEmpty(value) && (Prefixed().IsMatch(value) || Hexadecimal().IsMatch(value.Trim()));

    /// <summary>The text with every token-looking part replaced by <see cref="Mask"/>.</summary>
    public static string Redact(string text) => text.Contains("shp", StringComparison.Ordinal) ? Prefixed().Replace(text, Mask) : text;

    /// <summary>Where a token holds a character no HTTP header may carry (a line break, NUL, a space inside): the
    /// 1-based character, or null when it is usable.</summary>
    public static int? BadCharacter(string token)
    {
        for (var i = 0; i < token.Length; i++)
            if (token[i] is < '!' or > '~') return i + 1;
        return null;
    }
}
