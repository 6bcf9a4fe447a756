namespace ShopifyPS.Sync.Export;

/// <summary>
/// A product as it should be in Shopify, built from an item (E9). Prices are filled in by the price
/// engine afterwards; everything else comes from <see cref="ProductBuilder"/>.
/// </summary>
public sealed class ProductDraft
{
    public required string ItemNo { get; init; }
    public required string Title { get; init; }
    public string DescriptionHtml { get; init; } = "";
    public string Vendor { get; init; } = "";
    public string ProductType { get; init; } = "";
    public ProductStatus Status { get; init; }
    /// <summary>True when the variants come from item variants (option "Variant"); false for the single default variant.</summary>
    public bool HasVariants { get; init; }
    /// <summary>The option that holds the unit of measure when units are variants (items.uomAsVariant), else null.</summary>
    public string? UnitOptionName { get; init; }
    /// <summary>The options (name, value) of an item without variants whose attributes are marked AsOption; else none.</summary>
    public IReadOnlyList<(string Name, string Value)> AttributeOptions { get; init; } = [];
    public List<VariantDraft> Variants { get; } = new();
    /// <summary>The product's mapped metafields with a value (items.metafields).</summary>
    public List<MetafieldValue> Metafields { get; } = new();
    /// <summary>The product's title and description in each of the shop's other languages it syncs (languages[]).</summary>
    public List<TranslationValue> Translations { get; } = new();
    /// <summary>Item variants left out, with the reason (reported as skipped records).</summary>
    public List<(string VariantCode, string Reason)> SkippedVariants { get; } = new();
}

/// <summary>One Shopify variant of a <see cref="ProductDraft"/>.</summary>
public sealed class VariantDraft
{
    /// <summary>The item variant code; empty for an item without variants.</summary>
    public required string VariantCode { get; init; }
    /// <summary>The option value ("Variant" option); the variant code, or empty for the default variant.</summary>
    public string OptionValue { get; init; } = "";
    public string Title { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Barcode { get; init; } = "";
    /// <summary>The unit of measure this variant sells (the item's sales unit, or its own unit as a variant).</summary>
    public ItemUnit Unit { get; init; } = new("", 1);
    public decimal Price { get; set; }
    public decimal? CompareAtPrice { get; set; }
    public decimal UnitCost { get; set; }
    /// <summary>Gross weight in kilograms.</summary>
    public decimal Weight { get; init; }
    public bool Tracked { get; init; }
    public Profiles.InventoryPolicy InventoryPolicy { get; init; }
    public string TaxCode { get; init; } = "";
    /// <summary>The item's customs data; null when the shop does not sync it (syncHsCodeAndCountry off).</summary>
    public CustomsData? Customs { get; init; }
    /// <summary>The variant's mapped metafields with a value (items.metafields).</summary>
    public List<MetafieldValue> Metafields { get; } = new();
}
