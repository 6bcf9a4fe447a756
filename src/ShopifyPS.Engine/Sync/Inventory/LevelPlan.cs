using System.Globalization;
using ShopifyPS.Connector;
using ShopifyPS.Profiles;

namespace ShopifyPS.Sync.Inventory;

/// <summary>One tracked variant at one enabled location in a run: the stock it should have and what Shopify has.</summary>
internal sealed class LevelPlan(ShopVariant variant, ShopLocation location, StockFigure figure)
{
    public ShopVariant Variant { get; } = variant;
    public ShopLocation Location { get; } = location;
    public StockFigure Figure { get; } = figure;
    public int Target => Figure.Quantity;
    public string InventoryItemId { get; set; } = variant.InventoryItemId;
    /// <summary>The quantity Shopify has as far as this run knows; null when the variant is not stocked there.</summary>
    public int? ShopifyStock { get; set; }
    public DateTimeOffset? ShopifyStockAt { get; set; }
    /// <summary>Whether Shopify has a level for it is known (read this run, or in the mirror under -SkipImport).</summary>
    public bool Known { get; set; }
    /// <summary>The level was activated (stocked at the location) in this run.</summary>
    public bool Activated { get; set; }

    public bool Differs => ShopifyStock != Target;

    /// <summary>"Location: available old → new"; a level this run stocks (or would stock) shows "(not stocked)" as old.</summary>
    public string Describe(string quantityName) =>
        $"{Location.Name}: {quantityName} {(ShopifyStock is null || Activated ? "(not stocked)" : ShopifyStock.Value.ToString(CultureInfo.InvariantCulture))} → {Target}";
}
