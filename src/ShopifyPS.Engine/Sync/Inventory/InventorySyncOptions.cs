namespace ShopifyPS.Sync.Inventory;

/// <summary>Which variants Sync-ShopifyInventory covers (V3) and how it reads Shopify's stock.</summary>
public sealed record InventorySyncOptions
{
    /// <summary>Only variants mapped to these items (exact item numbers). Empty: no item filter.</summary>
    public IReadOnlyList<string> ItemNos { get; init; } = [];

    /// <summary>Only variants of these products (gids). Empty: no product filter.</summary>
    public IReadOnlyList<string> ProductIds { get; init; } = [];

    /// <summary>Compare with the stock the mirror last knew instead of reading Shopify's first; levels the mirror does not
    /// know are still read. Compare-and-set keeps a write from overwriting a change made in Shopify since.</summary>
    public bool SkipImport { get; init; }

    /// <summary>A run with at least this many levels (variants × enabled locations) reads Shopify's stock with one bulk
    /// query, outside the point budget, instead of a few variants per call (about 4 points per level).</summary>
    public int BulkReadThreshold { get; init; } = 1000;

    /// <summary>Variants planned, compared and saved at a time: the run's memory is bounded by this, not by the catalog.</summary>
    public int BatchSize { get; init; } = 5000;

    public bool WholeShop => ItemNos.Count == 0 && ProductIds.Count == 0;
}
