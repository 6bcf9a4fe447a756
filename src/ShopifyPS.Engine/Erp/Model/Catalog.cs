namespace ShopifyPS.Erp.Model;

/// <summary>vendors.csv: Shopify's Vendor is the vendor's Name (E9, I8).</summary>
public sealed class Vendor
{
    public string No { get; set; } = "";
    public string Name { get; set; } = "";
}

/// <summary>item-categories.csv: Shopify's product type is the category's Description (E9, I8).</summary>
public sealed class ItemCategory
{
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
}
