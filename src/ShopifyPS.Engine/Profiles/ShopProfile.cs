using ShopifyPS.Profiles;
using YamlDotNet.Serialization;

namespace ShopifyPS;

/// <summary>
/// One shop's settings, stored as <c>&lt;home&gt;/shops/&lt;name&gt;.yml</c>. Property names map to the
/// camelCase YAML keys of about_ShopifyPS, PROFILE KEYS; the defaults here are what a key left out of the file means.
/// </summary>
public sealed class ShopProfile
{
    public const string DefaultApiVersion = "2026-04";

    public string Name { get; set; } = "";
    public string Domain { get; set; } = "";
    /// <summary>Overrides <c>https://&lt;domain&gt;</c>; only loopback may use http (the emulator).</summary>
    public string? Endpoint { get; set; }
    public string ApiVersion { get; set; } = DefaultApiVersion;
    public AuthSettings Auth { get; set; } = new();
    /// <summary>SQLite file; null means <c>&lt;home&gt;/shopifyps.db</c>.</summary>
    public string? Database { get; set; }
    /// <summary>Kill switch: when false every mutation is refused before it is sent.</summary>
    public bool AllowOutgoingRequests { get; set; } = true;
    public ItemSettings Items { get; set; } = new();
    public PriceSettings Prices { get; set; } = new();
    public List<ShopLocation> Locations { get; set; } = new();
    /// <summary>The shop's other languages and the ERP language code of each (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public List<LanguageMapping> Languages { get; set; } = [];

    /// <summary>The GraphQL endpoint the client posts to (derived, so never written to the file).</summary>
    [YamlIgnore]
    public Uri GraphQlUri => new(new Uri(string.IsNullOrEmpty(Endpoint) ? $"https://{Domain}" : Endpoint),
        $"/admin/api/{ApiVersion}/graphql.json");
}

/// <summary>Where the access token comes from. The token itself is never stored in the profile.</summary>
public sealed class AuthSettings
{
    public string? TokenEnv { get; set; }
    public string? TokenFile { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecretEnv { get; set; }
    /// <summary>The name of a PowerShell SecretManagement secret that holds the token.</summary>
    public string? SecretName { get; set; }
    /// <summary>The SecretManagement vault of <see cref="SecretName"/>; empty means the default vault.</summary>
    public string? SecretVault { get; set; }

    public string Describe() =>
        !string.IsNullOrEmpty(TokenEnv) ? $"environment variable {TokenEnv}"
        : !string.IsNullOrEmpty(TokenFile) ? $"token file {TokenFile}"
        : !string.IsNullOrEmpty(ClientId) ? $"client credentials of {ClientId} (secret in ${ClientSecretEnv})"
        : !string.IsNullOrEmpty(SecretName) ? DescribeSecret()
        : "none";

    internal string DescribeSecret() =>
        $"SecretManagement secret '{SecretName}'" + (string.IsNullOrEmpty(SecretVault) ? " (default vault)" : $" in vault '{SecretVault}'");
}

/// <summary>S1–S5, I2–I6, E3–E8, M1: how items and products are synchronized.</summary>
public sealed class ItemSettings
{
    public SyncItemMode SyncItem { get; set; }
    public bool CanUpdateShopifyProducts { get; set; }
    public bool ShopifyCanUpdateItems { get; set; }
    public bool AutoCreateUnknownItems { get; set; }
    public string ItemTemplateCode { get; set; } = "";
    public SkuMapping SkuMapping { get; set; }
    public string SkuFieldSeparator { get; set; } = "|";
    public string VariantPrefix { get; set; } = "V_";
    public bool FindMappingByBarcode { get; set; } = true;
    public CreatedProductStatus StatusForCreatedProducts { get; set; }
    public RemovedProductAction ActionForRemovedProducts { get; set; }
    public ImageSyncMode SyncItemImages { get; set; }
    public bool SyncItemExtendedText { get; set; }
    public bool SyncItemAttributes { get; set; }
    /// <summary>Business Central's Sync Item Marketing Text: export puts the item's marketing text (marketing-texts.csv) in
    /// the description; import takes the description as the marketing text (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public bool SyncItemMarketingText { get; set; }
    public string LanguageCode { get; set; } = "";
    public bool InventoryTracked { get; set; }
    public InventoryPolicy DefaultInventoryPolicy { get; set; }
    /// <summary>V4–V6: the Shopify quantity that gets the calculated stock (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public InventoryQuantityName InventoryQuantityName { get; set; }
    /// <summary>What an update does with variants whose item variant is gone (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public RemovedVariantAction ActionForRemovedVariants { get; set; }
    /// <summary>The sales channels (publications, by their catalog title) created products are published to; empty:
    /// none (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public List<string> Publications { get; set; } = [OnlineStore];
    /// <summary>Every unit of measure of an item becomes a Shopify variant (Business Central's "UoM as Variant").</summary>
    public bool UomAsVariant { get; set; }
    /// <summary>The name of the product option that holds the unit when units are variants.</summary>
    public string OptionNameForUom { get; set; } = DefaultOptionNameForUom;
    /// <summary>Business Central's Sync HS Code and Country: TariffNo and CountryOfOrigin go to the inventory item's
    /// harmonized system code and country of origin, and come back on import (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public bool SyncHsCodeAndCountry { get; set; } = true;
    /// <summary>ERP values sent as product and variant metafields (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public List<MetafieldMapping> Metafields { get; set; } = [];
    /// <summary>The custom collections (by handle or title) that created products join (added to about_ShopifyPS, PROFILE KEYS's keys).</summary>
    public List<string> Collections { get; set; } = [];

    public const string OnlineStore = "Online Store";
    public const string DefaultOptionNameForUom = "Unit of Measure";
}

/// <summary>E2, S6, P2–P4: the price context of the shop.</summary>
public sealed class PriceSettings
{
    public string CustomerPriceGroup { get; set; } = "";
    public string CustomerDiscountGroup { get; set; } = "";
    public string CustomerTemplateCode { get; set; } = "";
    public string CurrencyCode { get; set; } = "";
}

/// <summary>V2: one Shopify location and how its stock is calculated from ERP locations.</summary>
public sealed class ShopLocation
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string LocationFilter { get; set; } = "";
    public StockCalculation StockCalculation { get; set; }
    public bool DefaultProductLocation { get; set; }
    /// <summary>The fulfillment service the location belongs to (a third-party warehouse), as Update-ShopifyLocation
    /// last read it from Shopify; absent for the shop's own locations.</summary>
    public string? FulfillmentService { get; set; }
}
