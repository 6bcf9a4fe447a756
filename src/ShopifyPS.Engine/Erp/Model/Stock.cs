namespace ShopifyPS.Erp.Model;

/// <summary>locations.csv: ERP locations, matched by a shop location's filter (V2).</summary>
public sealed class Location
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>stock.csv: one item (variant) at one location (V4).</summary>
public sealed class StockEntry
{
    public string ItemNo { get; set; } = "";
    public string VariantCode { get; set; } = "";
    public string LocationCode { get; set; } = "";
    public decimal Inventory { get; set; }
    public decimal ReservedQuantity { get; set; }
    public decimal ScheduledReceipts { get; set; }
    public decimal GrossRequirements { get; set; }

    /// <summary>Projected available balance today = Inventory + ScheduledReceipts − GrossRequirements.</summary>
    public decimal ProjectedAvailableBalance => Inventory + ScheduledReceipts - GrossRequirements;

    /// <summary>Free inventory = Inventory − ReservedQuantity.</summary>
    public decimal FreeInventory => Inventory - ReservedQuantity;
}
