using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;
using ShopifyPS.Tests.Storage;

namespace ShopifyPS.Tests.Erp;

public sealed class ErpStoreTests : IDisposable
{
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();
    private IErpStore Erp => _store.Erp;

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Upsert_tells_inserted_updated_and_unchanged_apart()
    {
        var item = new Item { No = "1000", Description = "Bicycle", UnitPrice = 4000m };
        Assert.Equal(UpsertOutcome.Inserted, Erp.Upsert(ErpTables.Items, item));
        Assert.Equal(UpsertOutcome.Unchanged, Erp.Upsert(ErpTables.Items, item));
        item.UnitPrice = 4000.00m;
        Assert.Equal(UpsertOutcome.Unchanged, Erp.Upsert(ErpTables.Items, item));
        item.UnitPrice = 3999.5m;
        Assert.Equal(UpsertOutcome.Updated, Erp.Upsert(ErpTables.Items, item));
        Assert.Equal(3999.5m, Erp.Rows(ErpTables.Items, ("No", "1000")).Single().UnitPrice);
    }

    [Fact]
    public void Upsert_with_some_columns_changes_only_those()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "1000", Description = "Bicycle", UnitPrice = 4000m, Blocked = true });
        var columns = new[] { ErpTables.Items.Column("No")!, ErpTables.Items.Column("UnitPrice")! };
        Assert.Equal(UpsertOutcome.Updated, Erp.Upsert(ErpTables.Items, new Item { No = "1000", UnitPrice = 10m }, columns));
        var stored = Erp.Rows(ErpTables.Items, ("No", "1000")).Single();
        Assert.Equal(("Bicycle", 10m, true), (stored.Description, stored.UnitPrice, stored.Blocked));
    }

    [Fact]
    public void Upserts_with_column_lists_built_anew_each_time_and_interleaved_change_each_their_own_columns()
    {
        var items = ErpTables.Items;
        Erp.Upsert(items, new Item { No = "1000", Description = "Bicycle", UnitPrice = 4000m });
        Erp.Upsert(items, new Item { No = "2000", Description = "Lamp", UnitPrice = 50m });
        for (var round = 1; round <= 2; round++)
        {
            // A new list each call (as the import builds them), in either order, alternating with another table's rows.
            Assert.Equal(UpsertOutcome.Updated, Erp.Upsert(items, new Item { No = "1000", UnitPrice = round }, [items.Column("UnitPrice")!, items.Column("No")!]));
            Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = $"V{round}", Description = "Red" });
            Assert.Equal(UpsertOutcome.Updated, Erp.Upsert(items, new Item { No = "2000", Description = $"Lamp {round}" }, [items.Column("No")!, items.Column("Description")!]));
            Assert.Equal(UpsertOutcome.Unchanged, Erp.Upsert(items, new Item { No = "2000", Description = $"Lamp {round}", UnitPrice = 1m }, [items.Column("Description")!]));
        }

        var stored = Erp.Rows(items).Select(i => (i.No, i.Description, i.UnitPrice)).ToList();
        Assert.Equal([("1000", "Bicycle", 2m), ("2000", "Lamp 2", 50m)], stored);
        Assert.Equal(["V1", "V2"], Erp.Rows(ErpTables.ItemVariants, ("ItemNo", "1000")).Select(v => v.Code));
        Assert.Throws<ArgumentException>(() => Erp.Rows(items, ("No", "1000"), ("no", "1000")));
    }

    [Fact]
    public void Every_value_kind_round_trips()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        var price = new SalesPrice
        {
            ItemNo = "1000", SourceType = SalesPriceSourceType.CustomerPriceGroup, SourceCode = "RETAIL", CurrencyCode = "EUR",
            StartingDate = new DateOnly(2025, 1, 31), EndingDate = null, MinimumQuantity = 2.5m, UnitPrice = 0.1m, AllowLineDisc = false,
        };
        Erp.Upsert(ErpTables.SalesPrices, price);
        var stored = Erp.Rows(ErpTables.SalesPrices, ("ItemNo", "1000")).Single();
        Assert.Equivalent(price, stored, strict: true);
        var text = new ExtendedTextLine { ItemNo = "1000", LanguageCode = "NOR", LineNo = 20000, Text = "Line 'two'; DROP TABLE items;--" };
        Erp.Upsert(ErpTables.ExtendedTexts, text);
        Assert.Equivalent(text, Erp.Rows(ErpTables.ExtendedTexts, ("ItemNo", "1000")).Single(), strict: true);
    }

    [Fact]
    public void Blank_key_parts_are_part_of_the_key()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        Erp.Upsert(ErpTables.SalesPrices, new SalesPrice { ItemNo = "1000", UnitPrice = 1 });
        Assert.Equal(UpsertOutcome.Updated, Erp.Upsert(ErpTables.SalesPrices, new SalesPrice { ItemNo = "1000", UnitPrice = 2 }));
        Erp.Upsert(ErpTables.SalesPrices, new SalesPrice { ItemNo = "1000", StartingDate = new DateOnly(2025, 6, 1), UnitPrice = 3 });
        Assert.Equal(2, Erp.Rows(ErpTables.SalesPrices, ("ItemNo", "1000")).Count);
    }

    [Fact]
    public void The_store_refuses_a_row_for_a_missing_item()
    {
        var ex = Assert.Throws<RowRejectedException>(() => Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = "nope", LocationCode = "EAST" }));
        Assert.Contains("ItemNo=nope", ex.Message);
    }

    [Fact]
    public void Lookups_the_sync_does_find_their_rows()
    {
        Erp.Upsert(ErpTables.Vendors, new Vendor { No = "V1", Name = "Fjell & Fjord AS" });
        Erp.Upsert(ErpTables.ItemCategories, new ItemCategory { Code = "JACKETS", Description = "Jackets" });
        Erp.Upsert(ErpTables.Items, new Item { No = "1000", VendorItemNo = "FF-1", ItemCategoryCode = "JACKETS" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "M" });
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1000", VariantCode = "M", ReferenceType = ReferenceType.BarCode, ReferenceNo = "7040001" });
        Erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1000", VariantCode = "M", VendorNo = "V1", VendorItemNo = "FF-1-M" });

        Assert.Equal("M", Erp.Rows(ErpTables.ItemReferences, ("ReferenceNo", "7040001"), ("ReferenceType", ReferenceType.BarCode)).Single().VariantCode);
        Assert.Equal("M", Erp.Rows(ErpTables.ItemVendors, ("VendorItemNo", "FF-1-M")).Single().VariantCode);
        Assert.Equal("1000", Erp.Rows(ErpTables.Items, ("VendorItemNo", "FF-1")).Single().No);
        Assert.Equal("JACKETS", Erp.Rows(ErpTables.ItemCategories, ("Description", "Jackets")).Single().Code);
        Assert.Equal("V1", Erp.Rows(ErpTables.Vendors, ("Name", "Fjell & Fjord AS")).Single().No);
        Assert.Empty(Erp.Rows(ErpTables.Vendors, ("Name", "fjell & fjord as' OR 1=1 --")));
    }

    [Theory]
    [InlineData("item_references", "ReferenceNo = 'x' AND ReferenceType = 'BarCode'")]
    [InlineData("item_vendors", "VendorItemNo = 'x'")]
    [InlineData("items", "VendorItemNo = 'x'")]
    [InlineData("items", "ItemCategoryCode = 'x'")]
    [InlineData("items", "VendorNo = 'x'")]
    [InlineData("item_categories", "Description = 'x'")]
    [InlineData("vendors", "Name = 'x'")]
    [InlineData("item_variants", "ItemNo = 'x'")]
    [InlineData("stock", "ItemNo = 'x'")]
    [InlineData("sales_prices", "ItemNo = 'x'")]
    [InlineData("shop_variants", "Shop = 's' AND Sku = 'x'")]
    [InlineData("shop_variants", "Shop = 's' AND Barcode = 'x'")]
    [InlineData("shop_variants", "Shop = 's' AND ItemNo = 'x' AND VariantCode = ''")]
    [InlineData("shop_variants", "Shop = 's' AND InventoryItemId = 'x'")]
    [InlineData("shop_products", "Shop = 's' AND ItemNo = 'x'")]
    public void Every_lookup_the_sync_does_uses_an_index(string table, string condition)
    {
        using var command = _store.Command($"EXPLAIN QUERY PLAN SELECT * FROM {table} WHERE {condition}");
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("INDEX"));
    }

    [Fact]
    public void Removing_an_item_removes_what_depends_on_it_and_records_the_removal()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "M" });
        Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = "1000", VariantCode = "M", LocationCode = "EAST", Inventory = 5 });
        Erp.Upsert(ErpTables.SalesLineDiscounts, new SalesLineDiscount { Type = LineDiscountType.Item, Code = "1000", LineDiscountPercent = 10 });
        Erp.Upsert(ErpTables.SalesLineDiscounts, new SalesLineDiscount { Type = LineDiscountType.ItemDiscGroup, Code = "1000", LineDiscountPercent = 5 });

        Assert.True(Erp.Delete(ErpTables.Items, new Item { No = "1000" }));

        Assert.False(Erp.Exists(ErpTables.ItemVariants));
        Assert.False(Erp.Exists(ErpTables.Stock));
        Assert.Equal(LineDiscountType.ItemDiscGroup, Erp.Rows(ErpTables.SalesLineDiscounts).Single().Type);
        Assert.Equal("1000", Erp.RemovedItems().Single().ItemNo);

        Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        Assert.Empty(Erp.RemovedItems());
    }

    [Fact]
    public void Stock_of_items_reads_what_the_generic_reader_reads_whole_fractional_and_negative_figures_alike()
    {
        // More items than one IN statement takes (500), and an item not asked for.
        var numbers = Enumerable.Range(0, 1_201).Select(i => $"I{i:D5}").ToList();
        foreach (var no in numbers) Erp.Upsert(ErpTables.Items, new Item { No = no });
        for (var i = 0; i < numbers.Count; i++)
        {
            Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = numbers[i], LocationCode = "EAST", Inventory = i, ReservedQuantity = 2.5m, ScheduledReceipts = -i, GrossRequirements = 0.125m });
            Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = numbers[i], VariantCode = "M", LocationCode = "WEST", Inventory = 123_456_789_012m, ReservedQuantity = -0.5m });
        }
        var asked = numbers.Take(1_200).ToList();

        var typed = Erp.StockOfItems(asked);

        static string Text(StockEntry r) => string.Join("|", r.ItemNo, r.VariantCode, r.LocationCode, r.Inventory, r.ReservedQuantity, r.ScheduledReceipts, r.GrossRequirements);
        Assert.Equal(2_400, typed.Count);
        Assert.Equal(Erp.RowsIn(ErpTables.Stock, "ItemNo", asked).Select(Text), typed.Select(Text));
        Assert.Contains("I00007||EAST|7|2.5|-7|0.125", typed.Select(Text));
        Assert.DoesNotContain(typed, r => r.ItemNo == "I01200");
    }

    [Fact]
    public void Removing_a_variant_removes_its_rows_but_not_the_items()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "1000" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "M" });
        Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = "1000", VariantCode = "M", LocationCode = "EAST" });
        Erp.Upsert(ErpTables.Stock, new StockEntry { ItemNo = "1000", VariantCode = "", LocationCode = "EAST" });

        Erp.Delete(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "M" });

        Assert.Equal("", Erp.Rows(ErpTables.Stock, ("ItemNo", "1000")).Single().VariantCode);
    }

    [Theory]
    [InlineData("10*", new[] { "1000", "1001" })]
    [InlineData("100?", new[] { "1000", "1001" })]
    [InlineData("a_b", new[] { "a_b" })]
    [InlineData("A%*", new[] { "a%c" })]
    [InlineData("`*", new[] { "*" })]
    public void Item_numbers_are_found_by_wildcard_in_any_case(string pattern, string[] expected)
    {
        foreach (var no in new[] { "1000", "1001", "2000", "a_b", "axb", "a%c", "*" }) Erp.Upsert(ErpTables.Items, new Item { No = no });
        Assert.Equal(expected.Order(), Erp.FindItems(new ItemQuery { No = [pattern] }).Select(i => i.No).Order());
    }
}
