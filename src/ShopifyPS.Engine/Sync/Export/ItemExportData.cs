using ShopifyPS.Erp.Model;

namespace ShopifyPS.Sync.Export;

/// <summary>Everything the product builder reads about one item, gathered from the item store in one go.</summary>
public sealed class ItemExportData
{
    public required Item Item { get; init; }
    public IReadOnlyList<ItemVariant> Variants { get; init; } = Array.Empty<ItemVariant>();
    /// <summary>The item's rows of item-units-of-measure.csv (its base unit needs none).</summary>
    public IReadOnlyList<ItemUnitOfMeasure> Units { get; init; } = Array.Empty<ItemUnitOfMeasure>();
    public IReadOnlyList<ItemReference> References { get; init; } = Array.Empty<ItemReference>();
    public Vendor? Vendor { get; init; }
    public ItemCategory? Category { get; init; }
    public IReadOnlyList<ItemTranslation> Translations { get; init; } = Array.Empty<ItemTranslation>();
    public IReadOnlyList<ExtendedTextLine> ExtendedTexts { get; init; } = Array.Empty<ExtendedTextLine>();
    public IReadOnlyList<ItemAttribute> Attributes { get; init; } = Array.Empty<ItemAttribute>();
    public IReadOnlyList<AttributeTranslation> AttributeTranslations { get; init; } = Array.Empty<AttributeTranslation>();
    public IReadOnlyList<MarketingText> MarketingTexts { get; init; } = Array.Empty<MarketingText>();
}
