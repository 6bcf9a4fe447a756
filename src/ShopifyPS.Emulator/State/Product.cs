namespace ShopifyPS.Emulator.State;

internal sealed partial class Product
{
    public long Id { get; init; }
    public string Title { get; set; } = "";
    public string Handle { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public string Vendor { get; set; } = "";
    public string ProductType { get; set; } = "";
    public string Status { get; set; } = "ACTIVE";
    public List<string> Tags { get; set; } = new();
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public string? TemplateSuffix { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<ProductOption> Options { get; } = new();
    public List<Variant> Variants { get; } = new();

    /// <summary>The publications (sales channels) the product is published to, with when. A product created through
    /// the API is on none until publishablePublish.</summary>
    public Dictionary<long, DateTimeOffset> Publications { get; } = new();

    /// <summary>Media attached to the product, in display order.</summary>
    public List<MediaFile> Media { get; } = new();

    public MetafieldList Metafields { get; } = new();

    /// <summary>Its translations into the shop's other locales.</summary>
    public List<Translation> Translations { get; } = new();

    public string Gid => State.Gid.Of("Product", Id);

    public int TotalInventory => Variants.Sum(v => v.InventoryQuantity);
}

internal sealed class ProductOption
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public int Position { get; set; }
    public List<ProductOptionValue> Values { get; } = new();
}

internal sealed class ProductOptionValue
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
}
