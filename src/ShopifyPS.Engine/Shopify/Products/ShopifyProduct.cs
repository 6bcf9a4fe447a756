using ShopifyPS.Shopify;
using Newtonsoft.Json.Linq;

namespace ShopifyPS;

/// <summary>A Shopify product with its variants, as read from the shop (fields of ProductFields.fragment.graphql).</summary>
public sealed class ShopifyProduct
{
    internal ShopifyProduct(string shop, JObject node, IReadOnlyList<ShopifyVariant> variants)
    {
        Shop = shop;
        Id = node.Value<string>("id") ?? "";
        Handle = node.Value<string>("handle") ?? "";
        Title = node.Value<string>("title") ?? "";
        Status = node.Value<string>("status") ?? "";
        Vendor = node.Value<string>("vendor") ?? "";
        ProductType = node.Value<string>("productType") ?? "";
        HasOnlyDefaultVariant = node.Value<bool?>("hasOnlyDefaultVariant") ?? false;
        Tags = (node["tags"] as JArray)?.Select(t => t.ToString()).ToArray() ?? Array.Empty<string>();
        DescriptionHtml = node.Value<string>("descriptionHtml") ?? "";
        SeoTitle = node["seo"]?.Value<string>("title");
        SeoDescription = node["seo"]?.Value<string>("description");
        CreatedAt = Json.Date(node["createdAt"]);
        UpdatedAt = Json.Date(node["updatedAt"]);
        Variants = variants;
    }

    /// <summary>The shop profile it was read from, so it pipes into other -Shop cmdlets.</summary>
    public string Shop { get; }
    /// <summary>gid://shopify/Product/…</summary>
    public string Id { get; }
    public string Handle { get; }
    public string Title { get; }
    /// <summary>ACTIVE, DRAFT, ARCHIVED or UNLISTED.</summary>
    public string Status { get; }
    public string Vendor { get; }
    public string ProductType { get; }
    /// <summary>The product has no options of its own: one "Default Title" variant (Business Central: not Has Variants).</summary>
    public bool HasOnlyDefaultVariant { get; }
    public IReadOnlyList<string> Tags { get; }
    public string DescriptionHtml { get; }
    public string? SeoTitle { get; }
    public string? SeoDescription { get; }
    public DateTimeOffset? CreatedAt { get; }
    public DateTimeOffset? UpdatedAt { get; }
    public IReadOnlyList<ShopifyVariant> Variants { get; }
    /// <summary>The item the connector's mirror maps the product to; empty when unmapped or never synced.</summary>
    public string ItemNo { get; internal set; } = "";
    /// <summary>The sales channels the product is published to ("Online Store", ...); read by Get-ShopifyProduct, null
    /// where a command did not read them.</summary>
    public IReadOnlyList<string>? PublishedOn { get; internal set; }
    /// <summary>The product's metafields; empty unless read (Get-ShopifyProduct -IncludeMetafields, an import of mapped ones).</summary>
    public IReadOnlyList<ShopifyMetafield> Metafields { get; internal set; } = [];

    public override string ToString() => $"{Title} ({Id})";
}

/// <summary>A product variant with its inventory item (fields of VariantFields.fragment.graphql).</summary>
public sealed class ShopifyVariant
{
    internal ShopifyVariant(string productId, JObject node)
    {
        ProductId = productId;
        Id = node.Value<string>("id") ?? "";
        Title = node.Value<string>("title") ?? "";
        Sku = node.Value<string>("sku") ?? "";
        Barcode = node.Value<string>("barcode") ?? "";
        Price = Json.Money(node["price"]) ?? 0m;
        CompareAtPrice = Json.Money(node["compareAtPrice"]);
        Position = node.Value<int?>("position") ?? 0;
        InventoryPolicy = node.Value<string>("inventoryPolicy") ?? "";
        Taxable = node.Value<bool?>("taxable") ?? false;
        InventoryQuantity = node.Value<int?>("inventoryQuantity");
        UpdatedAt = Json.Date(node["updatedAt"]);
        SelectedOptions = (node["selectedOptions"] as JArray)?.OfType<JObject>()
            .Select(o => new ShopifyOption(o.Value<string>("name") ?? "", o.Value<string>("value") ?? "")).ToArray()
            ?? Array.Empty<ShopifyOption>();
        InventoryItemId = node["inventoryItem"]?.Value<string>("id") ?? "";
        Tracked = node["inventoryItem"]?.Value<bool?>("tracked") ?? false;
        HarmonizedSystemCode = node["inventoryItem"]?.Value<string>("harmonizedSystemCode") ?? "";
        CountryCodeOfOrigin = node["inventoryItem"]?.Value<string>("countryCodeOfOrigin") ?? "";
        UnitCost = Json.Money((node["inventoryItem"]?["unitCost"] as JObject)?["amount"]);
    }

    public string ProductId { get; }
    /// <summary>gid://shopify/ProductVariant/…</summary>
    public string Id { get; }
    public string Title { get; }
    public string Sku { get; }
    public string Barcode { get; }
    public decimal Price { get; }
    public decimal? CompareAtPrice { get; }
    public int Position { get; }
    /// <summary>DENY or CONTINUE (selling when out of stock).</summary>
    public string InventoryPolicy { get; }
    public bool Taxable { get; }
    public int? InventoryQuantity { get; }
    public DateTimeOffset? UpdatedAt { get; }
    public IReadOnlyList<ShopifyOption> SelectedOptions { get; }
    /// <summary>gid://shopify/InventoryItem/…</summary>
    public string InventoryItemId { get; }
    public bool Tracked { get; }
    /// <summary>The inventory item's harmonized system code (customs tariff no.); empty when it has none.</summary>
    public string HarmonizedSystemCode { get; }
    /// <summary>The inventory item's country of origin (ISO 3166-1 alpha-2); empty when it has none.</summary>
    public string CountryCodeOfOrigin { get; }
    /// <summary>Cost per item in the shop's currency; null when Shopify has none or the read did not ask for it
    /// (the bulk product export and InventoryItemCosts do).</summary>
    public decimal? UnitCost { get; internal set; }
    /// <summary>The item the connector's mirror maps the variant to; empty when unmapped or never synced.</summary>
    public string ItemNo { get; internal set; } = "";
    /// <summary>The item variant it is mapped to; empty when mapped to the item itself.</summary>
    public string VariantCode { get; internal set; } = "";
    /// <summary>The unit of measure it stands for when units are variants; empty: the item's sales unit.</summary>
    public string UnitOfMeasure { get; internal set; } = "";
    /// <summary>The variant's metafields; empty unless read (Get-ShopifyProduct -IncludeMetafields).</summary>
    public IReadOnlyList<ShopifyMetafield> Metafields { get; internal set; } = [];

    public override string ToString() => $"{Sku} ({Id})";
}

/// <summary>One option value of a variant, e.g. Size = L.</summary>
public sealed record ShopifyOption(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}
