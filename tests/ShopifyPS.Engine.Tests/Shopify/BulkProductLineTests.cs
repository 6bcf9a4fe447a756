using System.Collections;
using System.Globalization;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>The typed read of BulkProducts lines: every field the import uses, as the page read gives it.</summary>
public sealed class BulkProductLineTests
{
    internal const string FullProduct =
        """{"id":"gid://shopify/Product/1","handle":"cafe-zurich","title":"Caf\u00e9 \"Z\u00fcrich\" ☕","status":"ACTIVE","vendor":"Acme \\ Co","productType":"Mugs","hasOnlyDefaultVariant":false,"tags":["summer","t\u00e9 \ud83d\ude00"],"descriptionHtml":"<p>Line 1\nLine 2</p>","createdAt":"2026-04-30T08:00:00Z","updatedAt":"2026-05-01T12:00:00+02:00","seo":{"title":"SEO title","description":"SEO text"},"variantsCount":{"count":2,"precision":"EXACT"}}""";

    internal const string FullVariant =
        """{"id":"gid://shopify/ProductVariant/11","title":"L \/ Red","sku":"SKU-\u00dc\/1 \\ x","barcode":"4006381333931","price":"19.90","compareAtPrice":"24.50","position":2,"inventoryPolicy":"CONTINUE","taxable":true,"inventoryQuantity":-3,"updatedAt":"2026-05-01T10:00:00Z","selectedOptions":[{"name":"Size","value":"L"},{"name":"Colour","value":"R\u00f6t"}],"inventoryItem":{"id":"gid://shopify/InventoryItem/111","tracked":true,"harmonizedSystemCode":"691110","countryCodeOfOrigin":"CH","unitCost":{"amount":"7.25"}},"__parentId":"gid://shopify/Product/1"}""";

    private static BulkRecord<BulkProductLine> Read(string text, int number = 1) => BulkProductLine.Reader("shop-a")(new BulkLine(number, text));

    [Fact]
    public void Reads_every_field_of_a_product_line_with_its_escapes()
    {
        var record = Read(FullProduct);
        var product = record.Data.Product!;

        Assert.Equal("gid://shopify/Product/1", record.Id);
        Assert.Null(record.ParentId);
        Assert.Null(record.Data.Variant);
        Assert.Equal(2, record.Data.VariantsCount);
        Assert.Equal("shop-a", product.Shop);
        Assert.Equal("gid://shopify/Product/1", product.Id);
        Assert.Equal("cafe-zurich", product.Handle);
        Assert.Equal("Café \"Zürich\" ☕", product.Title);
        Assert.Equal("ACTIVE", product.Status);
        Assert.Equal("Acme \\ Co", product.Vendor);
        Assert.Equal("Mugs", product.ProductType);
        Assert.False(product.HasOnlyDefaultVariant);
        Assert.Equal(new[] { "summer", "té 😀" }, product.Tags);
        Assert.Equal("<p>Line 1\nLine 2</p>", product.DescriptionHtml);
        Assert.Equal("SEO title", product.SeoTitle);
        Assert.Equal("SEO text", product.SeoDescription);
        Assert.Equal(new DateTimeOffset(2026, 4, 30, 8, 0, 0, TimeSpan.Zero), product.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), product.UpdatedAt);
        Assert.Empty(product.Variants);
    }

    [Fact]
    public void Reads_every_field_of_a_variant_line_with_its_escapes_and_its_product()
    {
        var record = Read(FullVariant);
        var variant = record.Data.Variant!;

        Assert.Equal("gid://shopify/ProductVariant/11", record.Id);
        Assert.Equal("gid://shopify/Product/1", record.ParentId);
        Assert.Null(record.Data.Product);
        Assert.Equal("gid://shopify/Product/1", variant.ProductId);
        Assert.Equal("gid://shopify/ProductVariant/11", variant.Id);
        Assert.Equal("L / Red", variant.Title);
        Assert.Equal("SKU-Ü/1 \\ x", variant.Sku);
        Assert.Equal("4006381333931", variant.Barcode);
        Assert.Equal(19.90m, variant.Price);
        Assert.Equal(24.50m, variant.CompareAtPrice);
        Assert.Equal(2, variant.Position);
        Assert.Equal("CONTINUE", variant.InventoryPolicy);
        Assert.True(variant.Taxable);
        Assert.Equal(-3, variant.InventoryQuantity);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), variant.UpdatedAt);
        Assert.Equal(new[] { new ShopifyOption("Size", "L"), new ShopifyOption("Colour", "Röt") }, variant.SelectedOptions);
        Assert.Equal("gid://shopify/InventoryItem/111", variant.InventoryItemId);
        Assert.True(variant.Tracked);
        Assert.Equal("691110", variant.HarmonizedSystemCode);
        Assert.Equal("CH", variant.CountryCodeOfOrigin);
        Assert.Equal(7.25m, variant.UnitCost);
    }

    [Fact]
    public void Null_and_missing_fields_read_as_empty_or_null()
    {
        var product = Read("""{"id":"gid://shopify/Product/1","title":null,"tags":null,"seo":null,"createdAt":null,"variantsCount":null}""");
        var variant = Read("""{"id":"gid://shopify/ProductVariant/2","sku":null,"compareAtPrice":null,"inventoryQuantity":null,"selectedOptions":[{"name":"Size"}],"inventoryItem":{"id":"gid://shopify/InventoryItem/3","harmonizedSystemCode":null,"unitCost":null},"__parentId":"gid://shopify/Product/1"}""").Data.Variant!;

        Assert.Null(product.Data.VariantsCount);
        var p = product.Data.Product!;
        Assert.Equal(("", "", "", "", "", ""), (p.Title, p.Handle, p.Status, p.Vendor, p.ProductType, p.DescriptionHtml));
        Assert.Empty(p.Tags);
        Assert.Null(p.SeoTitle);
        Assert.Null(p.CreatedAt);
        Assert.Null(p.UpdatedAt);
        Assert.False(p.HasOnlyDefaultVariant);
        Assert.Equal(("", "", "", ""), (variant.Sku, variant.Barcode, variant.Title, variant.InventoryPolicy));
        Assert.Equal(0m, variant.Price);
        Assert.Null(variant.CompareAtPrice);
        Assert.Equal(0, variant.Position);
        Assert.Null(variant.InventoryQuantity);
        Assert.False(variant.Taxable);
        Assert.False(variant.Tracked);
        Assert.Equal(new[] { new ShopifyOption("Size", "") }, variant.SelectedOptions);
        Assert.Equal("gid://shopify/InventoryItem/3", variant.InventoryItemId);
        Assert.Equal("", variant.HarmonizedSystemCode);
        Assert.Null(variant.UnitCost);
    }

    [Fact]
    public void Fields_are_read_in_any_order_and_a_line_of_another_type_is_neither_product_nor_variant()
    {
        var variant = Read("""{"__parentId":"gid://shopify/Product/1","sku":"X-1","extra":{"nested":[1,{"id":"no"}]},"id":"gid://shopify/ProductVariant/5"}""");
        var other = Read("""{"id":"gid://shopify/Collection/9","title":"Summer","__parentId":"gid://shopify/Product/1"}""");

        Assert.Equal(("gid://shopify/ProductVariant/5", "X-1", "gid://shopify/Product/1"), (variant.Data.Variant!.Id, variant.Data.Variant.Sku, variant.Data.Variant.ProductId));
        Assert.Null(other.Data.Product);
        Assert.Null(other.Data.Variant);
        Assert.Equal("gid://shopify/Product/1", other.ParentId);
    }

    [Fact]
    public void A_page_node_and_a_bulk_line_of_the_same_JSON_give_the_same_product_and_variant()
    {
        var product = new ShopifyProduct("shop-a", Json.ParseObject(FullProduct), []);
        var variant = new ShopifyVariant("gid://shopify/Product/1", Json.ParseObject(FullVariant));

        Assert.Equal(Describe(product), Describe(Read(FullProduct).Data.Product!));
        Assert.Equal(Describe(variant), Describe(Read(FullVariant).Data.Variant!));
    }

    [Theory]
    [InlineData("""{"id":"gid://shopify/Product/1","title":"A""")]
    [InlineData("""{"id":"gid://shopify/Product/1"} {}""")]
    [InlineData("""{"id":1}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""null""")]
    [InlineData("""not json""")]
    [InlineData("""{"id":"gid://shopify/Product/1","tags":"summer"}""")]
    [InlineData("""{"id":"gid://shopify/Product/1","updatedAt":"yesterday"}""")]
    [InlineData("""{"id":"gid://shopify/Product/1","variantsCount":{"count":"two","precision":"EXACT"}}""")]
    [InlineData("""{"id":"gid://shopify/ProductVariant/2","price":true}""")]
    [InlineData("""{"id":"gid://shopify/ProductVariant/2","price":"12,5x"}""")]
    [InlineData("""{"id":"gid://shopify/ProductVariant/2","position":"first"}""")]
    [InlineData("""{"id":"gid://shopify/ProductVariant/2","inventoryItem":"gid://shopify/InventoryItem/3"}""")]
    [InlineData("""{"id":"gid://shopify/ProductVariant/2","selectedOptions":["Size"]}""")]
    public void A_line_that_is_not_Shopifys_JSON_is_an_error_with_its_line_number(string text)
    {
        var error = Assert.Throws<ShopifyException>(() => Read(text, number: 42));

        Assert.Equal("ShopifyRequestFailed", error.Error.Name);
        Assert.StartsWith("Line 42 of the bulk operation's result file is not what Shopify writes", error.Message);
    }

    /// <summary>Every public field of a product (without its variants) or a variant, as text.</summary>
    internal static string Describe(object value) =>
        string.Join("; ", value.GetType().GetProperties().Where(p => p.Name != nameof(ShopifyProduct.Variants))
            .Select(p => $"{p.Name}={Text(p.GetValue(value))}"));

    private static string Text(object? value) => value switch
    {
        null => "(null)",
        string text => text,
        DateTimeOffset date => date.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Text)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
