using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>
/// Test-ShopifyShop's check of languages[]: every locale ShopifyPS syncs must be one the shop has published. Shopify
/// refuses translations into a locale the shop has not added (INVALID_LOCALE_FOR_SHOP), and takes them into one added
/// but not published, where no buyer sees them: both are a profile that does not do what it says.
/// </summary>
public static class ShopLocales
{
    /// <summary>What is wrong, or null when every synced locale is published (or none is synced: no call is made).</summary>
    public static async Task<string?> UnpublishedAsync(ShopifyClient client, ShopProfile profile, CancellationToken cancellationToken)
    {
        var synced = profile.Languages.Where(l => l.SyncTranslations).ToList();
        if (synced.Count == 0) return null;
        var response = await client.ExecuteAsync("ShopLocales", null, cancellationToken).ConfigureAwait(false);
        var locales = (response.Data["shopLocales"] as JArray ?? [])
            .Select(l => (Locale: l.Value<string>("locale") ?? "", Primary: l.Value<bool>("primary"), Published: l.Value<bool>("published")))
            .ToList();
        var problems = new List<string>();
        foreach (var language in synced)
        {
            var locale = locales.FirstOrDefault(l => string.Equals(l.Locale, language.Locale, StringComparison.OrdinalIgnoreCase));
            if (locale.Locale is not { Length: > 0 })
                problems.Add($"'{language.Locale}' is not a language of the shop (Shopify refuses translations into it)");
            else if (locale.Primary)
                problems.Add($"'{language.Locale}' is the shop's primary language, which the product itself is written in (items.languageCode)");
            else if (!locale.Published)
                problems.Add($"'{language.Locale}' is not published, so buyers do not see its translations");
        }
        var published = string.Join(", ", locales.Where(l => l.Published && !l.Primary).Select(l => l.Locale));
        return problems.Count == 0 ? null
            : $"The profile's languages cannot be used as they are: {string.Join("; ", problems)}. The shop's published languages besides the primary: {(published.Length > 0 ? published : "none")}.";
    }
}
