using System.Text.Json;
using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS;

/// <summary>A Shopify product with its variants, as read from the shop (fields of ProductFields.fragment.graphql).</summary>
public sealed class ShopifyProduct
{
    internal ShopifyProduct(string shop, JObject node, IReadOnlyList<ShopifyVariant> variants)
        : this(shop)
    {
        JsonFields.Read(node, ReadField);
        Variants = variants;
    }

    /// <summary>A product with no fields read yet, for a reader that feeds them through <see cref="ReadField"/> and
    /// sets <see cref="Variants"/> once it has them (a bulk export's line).</summary>
    internal ShopifyProduct(string shop) => Shop = shop;

    /// <summary>Reads the field the reader is at into the product; false (reader unmoved) for a field it has not.</summary>
    internal bool ReadField(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) Id = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("handle"u8)) Handle = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("title"u8)) Title = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("status"u8)) Status = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("vendor"u8)) Vendor = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("productType"u8)) ProductType = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("hasOnlyDefaultVariant"u8)) HasOnlyDefaultVariant = JsonFields.Bool(ref reader) ?? false;
        else if (reader.ValueTextEquals("tags"u8)) Tags = JsonFields.Strings(ref reader);
        else if (reader.ValueTextEquals("descriptionHtml"u8)) DescriptionHtml = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("createdAt"u8)) CreatedAt = JsonFields.Date(ref reader);
        else if (reader.ValueTextEquals("updatedAt"u8)) UpdatedAt = JsonFields.Date(ref reader);
        else if (reader.ValueTextEquals("seo"u8)) ReadSeo(ref reader);
        else return false;
        return true;
    }

    private void ReadSeo(ref Utf8JsonReader reader)
    {
        if (!JsonFields.EnterObject(ref reader)) return;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("title"u8)) SeoTitle = JsonFields.String(ref reader);
            else if (reader.ValueTextEquals("description"u8)) SeoDescription = JsonFields.String(ref reader);
            else reader.Skip();
        }
    }

    /// <summary>The shop profile it was read from, so it pipes into other -Shop cmdlets.</summary>
    public string Shop { get; }
    /// <summary>gid://shopify/Product/…</summary>
    public string Id { get; private set; } = "";
    public string Handle { get; private set; } = "";
    public string Title { get; private set; } = "";
    /// <summary>ACTIVE, DRAFT, ARCHIVED or UNLISTED.</summary>
    public string Status { get; private set; } = "";
    public string Vendor { get; private set; } = "";
    public string ProductType { get; private set; } = "";
    /// <summary>The product has no options of its own: one "Default Title" variant (Business Central: not Has Variants).</summary>
    public bool HasOnlyDefaultVariant { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];
    public string DescriptionHtml { get; private set; } = "";
    public string? SeoTitle { get; private set; }
    public string? SeoDescription { get; private set; }
    public DateTimeOffset? CreatedAt { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public IReadOnlyList<ShopifyVariant> Variants { get; internal set; } = [];
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
        : this(productId)
    {
        JsonFields.Read(node, ReadField);
    }

    /// <summary>A variant with no fields read yet, for a reader that feeds them through <see cref="ReadField"/> (a bulk
    /// export's line, which names its product last: <see cref="ProductId"/> is set then).</summary>
    internal ShopifyVariant(string productId) => ProductId = productId;

    /// <summary>Reads the field the reader is at into the variant; false (reader unmoved) for a field it has not.</summary>
    internal bool ReadField(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("id"u8)) Id = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("title"u8)) Title = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("sku"u8)) Sku = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("barcode"u8)) Barcode = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("price"u8)) Price = JsonFields.Money(ref reader) ?? 0m;
        else if (reader.ValueTextEquals("compareAtPrice"u8)) CompareAtPrice = JsonFields.Money(ref reader);
        else if (reader.ValueTextEquals("position"u8)) Position = JsonFields.Int(ref reader) ?? 0;
        else if (reader.ValueTextEquals("inventoryPolicy"u8)) InventoryPolicy = JsonFields.String(ref reader) ?? "";
        else if (reader.ValueTextEquals("taxable"u8)) Taxable = JsonFields.Bool(ref reader) ?? false;
        else if (reader.ValueTextEquals("inventoryQuantity"u8)) InventoryQuantity = JsonFields.Int(ref reader);
        else if (reader.ValueTextEquals("updatedAt"u8)) UpdatedAt = JsonFields.Date(ref reader);
        else if (reader.ValueTextEquals("selectedOptions"u8)) SelectedOptions = ReadOptions(ref reader);
        else if (reader.ValueTextEquals("inventoryItem"u8)) ReadInventoryItem(ref reader);
        else return false;
        return true;
    }

    private static ShopifyOption[] ReadOptions(ref Utf8JsonReader reader)
    {
        if (!JsonFields.EnterList(ref reader)) return [];
        var options = new List<ShopifyOption>();
        while (JsonFields.NextObject(ref reader))
        {
            string? name = null, value = null;
            while (JsonFields.NextField(ref reader))
            {
                if (reader.ValueTextEquals("name"u8)) name = JsonFields.String(ref reader);
                else if (reader.ValueTextEquals("value"u8)) value = JsonFields.String(ref reader);
                else reader.Skip();
            }
            options.Add(new ShopifyOption(name ?? "", value ?? ""));
        }
        return options.ToArray();
    }

    private void ReadInventoryItem(ref Utf8JsonReader reader)
    {
        if (!JsonFields.EnterObject(ref reader)) return;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) InventoryItemId = JsonFields.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("tracked"u8)) Tracked = JsonFields.Bool(ref reader) ?? false;
            else if (reader.ValueTextEquals("harmonizedSystemCode"u8)) HarmonizedSystemCode = JsonFields.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("countryCodeOfOrigin"u8)) CountryCodeOfOrigin = JsonFields.String(ref reader) ?? "";
            else if (reader.ValueTextEquals("unitCost"u8)) UnitCost = ReadAmount(ref reader);
            else reader.Skip();
        }
    }

    /// <summary>The amount of a MoneyV2; null when the object is null or has none.</summary>
    private static decimal? ReadAmount(ref Utf8JsonReader reader)
    {
        decimal? amount = null;
        if (!JsonFields.EnterObject(ref reader)) return amount;
        while (JsonFields.NextField(ref reader))
        {
            if (reader.ValueTextEquals("amount"u8)) amount = JsonFields.Money(ref reader);
            else reader.Skip();
        }
        return amount;
    }

    public string ProductId { get; internal set; }
    /// <summary>gid://shopify/ProductVariant/…</summary>
    public string Id { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Sku { get; private set; } = "";
    public string Barcode { get; private set; } = "";
    public decimal Price { get; private set; }
    public decimal? CompareAtPrice { get; private set; }
    public int Position { get; private set; }
    /// <summary>DENY or CONTINUE (selling when out of stock).</summary>
    public string InventoryPolicy { get; private set; } = "";
    public bool Taxable { get; private set; }
    public int? InventoryQuantity { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    public IReadOnlyList<ShopifyOption> SelectedOptions { get; private set; } = [];
    /// <summary>gid://shopify/InventoryItem/…</summary>
    public string InventoryItemId { get; private set; } = "";
    public bool Tracked { get; private set; }
    /// <summary>The inventory item's harmonized system code (customs tariff no.); empty when it has none.</summary>
    public string HarmonizedSystemCode { get; private set; } = "";
    /// <summary>The inventory item's country of origin (ISO 3166-1 alpha-2); empty when it has none.</summary>
    public string CountryCodeOfOrigin { get; private set; } = "";
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
