using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Shopify;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Import;
using static ShopifyPS.Tests.Import.SkuMappingTableTests;

namespace ShopifyPS.Tests.Import;

/// <summary>The import rules around the mapping table: barcode fallback (I6), the separator (I4), the vendor catalog,
/// item fields and currency (I8), number series, updates (S3, I9) and links that are kept.</summary>
public sealed class ProductImporterTests
{
    [Theory]
    [InlineData(true, true, "1000/RED")]
    [InlineData(false, true, "1000")]
    [InlineData(true, false, "-")]
    [InlineData(false, false, "-")]
    public void Barcode_maps_when_the_SKU_does_not_and_findMappingByBarcode_is_on(bool hasVariants, bool byBarcode, string expected)
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => s.FindMappingByBarcode = byBarcode);

        var results = shop.Import(shop.Product(hasVariants, new ShopVariantData("NO-SUCH-ITEM", Barcode: "222")));

        Assert.Equal(expected, Mapped(results));
        if (!byBarcode) Assert.Contains("findMappingByBarcode is off", results[0].Message);
    }

    [Fact]
    public void Barcode_fallback_also_serves_the_blank_mapping()
    {
        using var shop = new ImportFixture(SkuMapping.Blank, autoCreate: false);

        var results = shop.Import(shop.Product(true, new ShopVariantData("", Barcode: "111"), new ShopVariantData("", Barcode: "222")));

        Assert.Equal("1000,1000/RED", Mapped(results));
        Assert.Contains("barcode 222 is a barcode of item 1000", results[1].Message);
    }

    [Theory]
    // 1 part: the item no. (a product with variants then maps to the item itself).
    [InlineData("1000", "1000", "")]
    // 2 parts: item no. and variant code.
    [InlineData("1000/RED", "1000/RED", "")]
    // 3 parts match nothing (Business Central maps 1 or 2 parts). Created: the first part is still the item no.,
    // and the variant code is generated from variantPrefix because the SKU has no single second part.
    [InlineData("1000/RED/L", "1000/V_001", "variant 1000/V_001")]
    [InlineData("3000/RED/L", "3000/V_001", "item 3000; variant 3000/V_001")]
    public void Separator_splits_the_SKU_into_one_two_or_three_parts(string sku, string expected, string created)
    {
        using var shop = new ImportFixture(SkuMapping.ItemNoVariantCode, settings: s => s.SkuFieldSeparator = "/");
        var before = shop.Records();

        var results = shop.Import(shop.Product(true, new ShopVariantData(sku)));

        Assert.Equal(expected, Mapped(results));
        Assert.Equal(created.Split("; ", StringSplitOptions.RemoveEmptyEntries), shop.Records().Except(before));
    }

    [Fact]
    public void Three_part_SKU_is_reported_as_unmappable_when_nothing_is_created()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNoVariantCode, autoCreate: false, s => s.SkuFieldSeparator = "/");

        var result = shop.Import(shop.Product(true, new ShopVariantData("1000/RED/L"))).Single();

        Assert.Equal(SyncAction.Skipped, result.Action);
        Assert.Contains("has 3 parts split by '/'", result.Message);
    }

    [Theory]
    // The catalog row of vendor V1 maps only products whose vendor is V1 (by no. or by name) or unknown to the ERP.
    [InlineData("Acme", "1000/RED")]
    [InlineData("V1", "1000/RED")]
    [InlineData("Someone new", "1000/RED")]
    [InlineData("Globex", "-")]
    public void Vendor_catalog_is_narrowed_to_the_products_vendor(string vendor, string expected)
    {
        using var shop = new ImportFixture(SkuMapping.VendorItemNo, autoCreate: false);
        shop.Store.Erp.Upsert(ErpTables.Vendors, new Vendor { No = "V2", Name = "Globex" });
        var product = shop.Product(true, new ShopVariantData("VI-RED"));
        var withVendor = new ShopifyProduct("test", JObject.FromObject(new
        {
            id = product.Id, title = product.Title, vendor, hasOnlyDefaultVariant = false, updatedAt = "2026-05-01T10:00:00Z",
        }), product.Variants);

        Assert.Equal(expected, Mapped(shop.Import(withVendor)));
    }

    [Fact]
    public void Vendor_reference_maps_when_the_catalog_has_no_row()
    {
        using var shop = new ImportFixture(SkuMapping.VendorItemNo, autoCreate: false);

        var result = shop.Import(shop.Product(false, new ShopVariantData("vr-1"))).Single();

        Assert.Equal("1000", Mapped([result]));
        Assert.Contains("vendor reference", result.Message);
    }

    [Fact]
    public void Created_item_takes_template_title_category_vendor_price_and_cost()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo);

        var result = shop.Import(shop.Product(false, new ShopVariantData("new-1", Barcode: "5901234123457", Price: "20.00", Cost: "8.5"))).Single();

        var item = shop.Item("NEW-1");
        Assert.Equal(("Summer shirt", ItemType.Inventory, "PCS", "HIGH"), (item.Description, item.Type, item.BaseUnitOfMeasure, item.VatProdPostingGroup));
        Assert.Equal("SHIRTS", item.ItemCategoryCode);
        Assert.Equal("V1", item.VendorNo);
        Assert.Equal((20m, 8.5m), (item.UnitPrice, item.UnitCost));
        Assert.Equal(SyncAction.Created, result.Action);
        Assert.Equal("NEW-1", result.Item!.No);
        Assert.Equal("5901234123457", Assert.Single(result.Item.Barcodes).ReferenceNo);
        Assert.Equal(result.ProductId, result.Item.ProductId);
    }

    [Fact]
    public void Template_category_stays_when_no_category_has_the_product_type_as_description()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo);
        shop.Store.Erp.Upsert(ErpTables.ItemCategories, new ItemCategory { Code = "SHIRTS", Description = "Tops" });

        shop.Import(shop.Product(false, new ShopVariantData("N2")));

        Assert.Equal("GEN", shop.Item("N2").ItemCategoryCode);
    }

    [Fact]
    public void Price_and_cost_in_the_shop_currency_become_local_currency()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo);
        shop.Profile.Prices.CurrencyCode = "EUR";
        shop.Store.Erp.Upsert(ErpTables.Currencies, new Currency { Code = "NOK", UnitAmountRoundingPrecision = 1 });
        shop.Store.Erp.Upsert(ErpTables.ExchangeRates, new ExchangeRate { CurrencyCode = "EUR", StartingDate = new DateOnly(2026, 1, 1), ExchangeRateAmount = 1, RelationalExchangeRateAmount = 11.5m });

        shop.Import(shop.Product(false, new ShopVariantData("EUR-1", Price: "20.00", Cost: "8.10")));

        Assert.Equal((230m, 93m), (shop.Item("EUR-1").UnitPrice, shop.Item("EUR-1").UnitCost));
    }

    [Fact]
    public void Missing_exchange_rate_fails_the_product_with_what_to_add()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo);
        shop.Profile.Prices.CurrencyCode = "SEK";

        var ex = Assert.ThrowsAny<Exception>(() => shop.Import(shop.Product(false, new ShopVariantData("SEK-1"))));

        Assert.Contains("exchange-rates.csv", ex.Message);
    }

    [Fact]
    public void Number_series_advances_and_skips_numbers_already_taken()
    {
        using var shop = new ImportFixture(SkuMapping.Blank);
        shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = "W0002" });

        shop.Import(shop.Product(false, new ShopVariantData("")));
        shop.Import(shop.Product(false, new ShopVariantData("")));

        var before = shop.Records();
        Assert.Contains("item W0001", before);
        Assert.Contains("item W0003", before);
        Assert.Equal("W0003", shop.Store.Erp.Rows(ErpTables.NoSeries, ("Code", "WEB")).Single().LastNoUsed);
    }

    [Fact]
    public void Setup_item_nos_serves_a_template_without_a_series()
    {
        using var shop = new ImportFixture(SkuMapping.Blank);
        var template = shop.Store.Erp.Rows(ErpTables.ItemTemplates).Single();
        template.NoSeries = "";
        shop.Store.Erp.Upsert(ErpTables.ItemTemplates, template);

        Assert.Equal("I0001", shop.Import(shop.Product(false, new ShopVariantData(""))).Single().ItemNo);
    }

    [Theory]
    [InlineData("", "has no itemTemplateCode")]
    [InlineData("NOPE", "Item template 'NOPE'")]
    public void Creating_without_a_usable_template_says_what_to_set(string template, string message)
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, settings: s => s.ItemTemplateCode = template);

        var ex = Assert.Throws<ImportException>(() => shop.Import(shop.Product(false, new ShopVariantData("X-1"))));

        Assert.Contains(message, ex.Message);
    }

    [Theory]
    [InlineData(true, "Summer shirt", "SHIRTS")]
    [InlineData(false, "Shirt", "")]
    public void Re_import_updates_the_mapped_item_only_when_shopify_can_update_items(bool canUpdate, string description, string category)
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => s.ShopifyCanUpdateItems = canUpdate);

        var result = shop.Import(shop.Product(false, new ShopVariantData("1000", Barcode: "4711", Price: "99.00"))).Single();

        var item = shop.Item("1000");
        Assert.Equal((description, category, 50m), (item.Description, item.ItemCategoryCode, item.UnitPrice));
        Assert.Equal(canUpdate, shop.Records().Contains("barcode 4711 1000"));
        if (canUpdate) Assert.Contains("Description: 'Shirt' → 'Summer shirt'", result.Message);
        Assert.Equal(canUpdate ? "1000" : null, result.Item?.No);
    }

    [Fact]
    public void Unchanged_product_does_not_update_its_items()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => s.ShopifyCanUpdateItems = true);

        var result = shop.Import(shop.Product(false, new ShopVariantData("1000")), changed: false).Single();

        Assert.Equal("Shirt", shop.Item("1000").Description);
        Assert.Equal(SyncAction.Updated, result.Action);
        Assert.StartsWith("mapped to item 1000", result.Message);
    }

    [Fact]
    public void Mapped_variant_keeps_its_link_on_the_next_import()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false);
        var product = shop.Product(true, new ShopVariantData("1000"));
        shop.Import(product);
        var mirror = shop.Store.Connector.GetVariant("test", product.Variants[0].Id)!;
        mirror.ItemNo = "1000";
        mirror.VariantCode = "BLUE";
        mirror.MappedByItem = false;
        shop.Store.Connector.SaveVariant(mirror);

        var again = shop.Import(product).Single();

        Assert.Equal(("1000", "BLUE", SyncAction.Unchanged), (again.ItemNo, again.VariantCode, again.Action));
    }

    [Fact]
    public void Mirror_holds_the_product_and_its_variants_and_drops_variants_shopify_no_longer_has()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false);
        var product = shop.Product(true, new ShopVariantData("1000"), new ShopVariantData("X"));
        shop.Import(product);
        var fewer = new ShopifyProduct("test", JObject.FromObject(new { id = product.Id, title = "T", status = "DRAFT", vendor = "Acme", tags = new[] { "a", "b" }, hasOnlyDefaultVariant = false }), [product.Variants[0]]);

        shop.Import(fewer);

        var mirrored = shop.Store.Connector.GetProduct("test", product.Id)!;
        Assert.Equal(("T", ProductStatus.Draft, "a, b", "1000", "Acme", true), (mirrored.Title, mirrored.Status, mirrored.Tags, mirrored.ItemNo, mirrored.Vendor, mirrored.HasVariants));
        var variant = Assert.Single(shop.Store.Connector.VariantsOfProduct("test", product.Id));
        Assert.Equal((product.Variants[0].InventoryItemId, "1000", true), (variant.InventoryItemId, variant.ItemNo, variant.MappedByItem));
    }

    [Theory]
    [InlineData("W0001", "W0002")]
    [InlineData("W0009", "W0010")]
    [InlineData("A99", "A100")]
    [InlineData("99", "100")]
    [InlineData("AB12CD", "AB13CD")]
    [InlineData("V_009", "V_010")]
    [InlineData("NONE", null)]
    public void Number_increase_works_like_business_centrals_IncStr(string text, string? expected)
    {
        Assert.Equal(expected, ItemNumbers.Increase(text));
    }
}
