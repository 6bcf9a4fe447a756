using ShopifyPS.Sync.Inventory;
using ShopifyPS.Profiles;

namespace ShopifyPS;

/// <summary>
/// A Shopify location as Get-ShopifyLocation shows it (V2): what Shopify says about it, joined with the shop profile's
/// settings for it. Shopify's facts are null when they were not read (Set-ShopifyLocation -PassThru works from the
/// profile only); the settings are the defaults (Disabled) for a location the profile does not list yet.
/// </summary>
public sealed class ShopifyLocation
{
    internal ShopifyLocation(string shop, string id, string name, ShopifyLocationFacts? facts, ShopLocation? settings)
    {
        Shop = shop;
        Id = id;
        Name = name;
        IsActive = facts?.IsActive;
        FulfillsOnlineOrders = facts?.FulfillsOnlineOrders;
        ShipsInventory = facts?.ShipsInventory;
        HasActiveInventory = facts?.HasActiveInventory;
        IsFulfillmentService = facts?.IsFulfillmentService;
        FulfillmentService = facts?.FulfillmentService ?? "";
        InProfile = settings is not null;
        LocationFilter = settings?.LocationFilter ?? "";
        StockCalculation = settings?.StockCalculation ?? StockCalculation.Disabled;
        DefaultProductLocation = settings?.DefaultProductLocation ?? false;
    }

    public string Shop { get; }
    /// <summary>gid://shopify/Location/…</summary>
    public string Id { get; }
    public string Name { get; }
    public bool? IsActive { get; }
    public bool? FulfillsOnlineOrders { get; }
    /// <summary>Shopify's replacement for the deprecated isPrimary: the location can be a fallback for shipping.</summary>
    public bool? ShipsInventory { get; }
    public bool? HasActiveInventory { get; }
    public bool? IsFulfillmentService { get; }
    /// <summary>The fulfillment service's name, when the location belongs to one.</summary>
    public string FulfillmentService { get; }
    /// <summary>The shop profile lists this location (Update-ShopifyLocation adds the ones it does not).</summary>
    public bool InProfile { get; }
    public string LocationFilter { get; }
    public StockCalculation StockCalculation { get; }
    /// <summary><see cref="StockCalculation"/> as its name: ConvertTo-Json writes enum values as numbers.</summary>
    public string StockCalculationName => StockCalculation.ToString();
    public bool DefaultProductLocation { get; }

    public override string ToString() => $"{Name} ({Id})";
}

/// <summary>What Shopify says about one location.</summary>
public sealed record ShopifyLocationFacts(string Id, string Name, bool IsActive, bool FulfillsOnlineOrders, bool ShipsInventory,
    bool HasActiveInventory, bool IsFulfillmentService, string FulfillmentService);
