using Newtonsoft.Json.Linq;

namespace ShopifyPS.Shopify;

/// <summary>What the live connectivity check learned about a shop (ShopInfo.graphql).</summary>
public sealed class ShopConnection
{
    /// <summary>The access scopes the sync needs: products, inventory and locations for items and stock, files for pictures.</summary>
    public static IReadOnlyList<string> RequiredScopes { get; } = new[]
    {
        "read_products", "write_products", "read_inventory", "write_inventory", "read_locations", "read_files", "write_files",
    };

    /// <summary>Publishing created products (items.publications) needs these too.</summary>
    public static IReadOnlyList<string> PublishingScopes { get; } = ["read_publications", "write_publications"];

    /// <summary>Registering translations (languages[] with syncTranslations) needs these too; reading the shop's
    /// locales needs read_locales.</summary>
    public static IReadOnlyList<string> TranslationScopes { get; } = ["read_translations", "write_translations", "read_locales"];

    private ShopConnection(ShopifyResponse response, string requestedApiVersion, bool publishes, bool translates)
    {
        var shop = response.Data["shop"] as JObject ?? new JObject();
        ShopName = shop.Value<string>("name") ?? "";
        MyshopifyDomain = shop.Value<string>("myshopifyDomain") ?? "";
        Plan = shop["plan"]?.Value<string>("publicDisplayName") ?? "";
        CurrencyCode = shop.Value<string>("currencyCode") ?? "";
        RequestedApiVersion = requestedApiVersion;
        ServedApiVersion = response.ApiVersion ?? requestedApiVersion;
        GrantedScopes = (response.Data["currentAppInstallation"]?["accessScopes"] as JArray ?? new JArray())
            .Select(s => s.Value<string>("handle") ?? "").Where(s => s.Length > 0).ToArray();
        MissingScopes = Missing(GrantedScopes, publishes, translates);
        RequestId = response.RequestId;
    }

    public string ShopName { get; }
    public string MyshopifyDomain { get; }
    public string Plan { get; }
    public string CurrencyCode { get; }
    public string RequestedApiVersion { get; }

    /// <summary>The version Shopify answered with; Shopify serves a newer one when the requested version is no longer supported.</summary>
    public string ServedApiVersion { get; }
    public bool ApiVersionSupported => ServedApiVersion == RequestedApiVersion;
    public IReadOnlyList<string> GrantedScopes { get; }
    public IReadOnlyList<string> MissingScopes { get; }
    public string? RequestId { get; }

    /// <summary>Asks the shop who it is and what this app may do. Failures come as <see cref="ShopifyException"/>s.</summary>
    public static async Task<ShopConnection> CheckAsync(ShopifyClient client, CancellationToken cancellationToken = default)
    {
        var response = await client.ExecuteAsync("ShopInfo", null, cancellationToken).ConfigureAwait(false);
        return new ShopConnection(response, client.Profile.ApiVersion, client.Profile.Items.Publications.Count > 0,
            client.Profile.Languages.Any(l => l.SyncTranslations));
    }

    /// <summary>The required scopes not granted; a write scope implies its read scope, as Shopify grants them.</summary>
    public static IReadOnlyList<string> Missing(IEnumerable<string> granted, bool publishes = false, bool translates = false)
    {
        var set = granted.ToHashSet(StringComparer.Ordinal);
        return RequiredScopes.Concat(publishes ? PublishingScopes : []).Concat(translates ? TranslationScopes : [])
            .Where(s => !set.Contains(s) && !(s.StartsWith("read_", StringComparison.Ordinal) && set.Contains("write_" + s["read_".Length..])))
            .ToArray();
    }
}
