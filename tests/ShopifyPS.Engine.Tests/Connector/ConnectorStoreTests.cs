using System.Globalization;
using ShopifyPS.Connector;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Connector;

public sealed class ConnectorStoreTests : IDisposable
{
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();
    private IConnectorStore State => _store.Connector;

    public void Dispose() => _store.Dispose();

    private void SaveProductWithVariant(string shop, string product, string variant, string itemNo = "1000")
    {
        State.SaveProduct(new ShopProduct { Shop = shop, Id = product, Title = "Bicycle", ItemNo = itemNo, Tags = "a,b", UpdatedAt = DateTimeOffset.Parse("2025-01-02T03:04:05Z", CultureInfo.InvariantCulture) });
        State.SaveVariant(new ShopVariant { Shop = shop, Id = variant, ProductId = product, Sku = "1000|RED", Barcode = "7040001", ItemNo = itemNo, VariantCode = "RED", InventoryItemId = variant + "-inv", Tracked = true });
    }

    [Fact]
    public void Products_and_variants_are_saved_read_and_updated_per_shop()
    {
        SaveProductWithVariant("contoso", "gid://shopify/Product/1", "gid://shopify/ProductVariant/11");
        SaveProductWithVariant("fabrikam", "gid://shopify/Product/1", "gid://shopify/ProductVariant/11", itemNo: "2000");

        var product = State.GetProduct("contoso", "gid://shopify/Product/1")!;
        Assert.Equal(("Bicycle", "1000", "a,b", DateTimeOffset.Parse("2025-01-02T03:04:05Z", CultureInfo.InvariantCulture)), (product.Title, product.ItemNo, product.Tags, product.UpdatedAt));
        product.Status = ProductStatus.Archived;
        product.Removed = true;
        State.SaveProduct(product);
        Assert.Equal((ProductStatus.Archived, true), (State.GetProduct("contoso", product.Id)!.Status, State.GetProduct("contoso", product.Id)!.Removed));
        Assert.Equal("2000", State.GetProduct("fabrikam", product.Id)!.ItemNo);

        Assert.Equal("gid://shopify/ProductVariant/11", State.VariantsBySku("contoso", "1000|RED").Single().Id);
        Assert.Equal("7040001", State.GetVariant("contoso", "gid://shopify/ProductVariant/11")!.Barcode);
        Assert.Single(State.VariantsOfItem("contoso", "1000", "RED"));
        Assert.Empty(State.VariantsOfItem("contoso", "1000", "BLUE"));
        Assert.Empty(State.VariantsOfItem("contoso", "2000"));
        Assert.True(State.GetVariant("contoso", "gid://shopify/ProductVariant/11")!.Tracked);
        Assert.Single(State.ProductsOfItem("fabrikam", "2000"));
        Assert.Single(State.Products("contoso"));
    }

    [Fact]
    public void Saving_a_product_or_variant_again_writes_only_a_row_that_differs()
    {
        SaveProductWithVariant("contoso", "gid://shopify/Product/1", "gid://shopify/ProductVariant/11");
        var before = TotalChanges();
        SaveProductWithVariant("contoso", "gid://shopify/Product/1", "gid://shopify/ProductVariant/11");
        Assert.Equal(before, TotalChanges());

        // Every column follows, a value that becomes null too.
        var product = State.GetProduct("contoso", "gid://shopify/Product/1")!;
        product.UpdatedAt = null;
        product.Vendor = "Contoso";
        State.SaveProduct(product);
        var variant = State.GetVariant("contoso", "gid://shopify/ProductVariant/11")!;
        variant.Tracked = false;
        variant.UomOptionId = 2;
        State.SaveVariant(variant);
        Assert.Equal(before + 2, TotalChanges());
        Assert.Equal((null, "Contoso"), (State.GetProduct("contoso", product.Id)!.UpdatedAt, State.GetProduct("contoso", product.Id)!.Vendor));
        Assert.Equal((false, 2), (State.GetVariant("contoso", variant.Id)!.Tracked, State.GetVariant("contoso", variant.Id)!.UomOptionId));
    }

    private long TotalChanges()
    {
        using var command = _store.Command("SELECT total_changes()");
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public void Every_variant_look_up_searches_an_index_and_the_variants_carry_only_the_indexes_they_use()
    {
        foreach (var condition in SqliteConnectorStore.VariantLookups)
        {
            using var command = _store.Command("EXPLAIN QUERY PLAN " + SqliteConnectorStore.VariantsWhere(condition));
            for (var i = 0; i < 3; i++) command.Parameters.AddWithValue($"$p{i}", "x");
            var plan = new List<string>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) plan.Add(reader.GetString(3));

            Assert.Contains(plan, step => step.StartsWith("SEARCH shop_variants USING ", StringComparison.Ordinal) && step.Contains("INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
        }
        using var indexes = _store.Command("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'shop_variants' ORDER BY name");
        var names = new List<string>();
        using (var reader = indexes.ExecuteReader())
            while (reader.Read()) names.Add(reader.GetString(0));
        Assert.Equal(["shop_variants_by_item", "shop_variants_by_product", "shop_variants_by_sku_nocase", "sqlite_autoindex_shop_variants_1"], names);
    }

    [Fact]
    public void The_look_up_by_SKU_is_exact()
    {
        SaveProductWithVariant("contoso", "P1", "V1");
        State.SaveVariant(new ShopVariant { Shop = "contoso", Id = "V2", ProductId = "P1", Sku = "1000|red" });

        Assert.Equal("V1", State.VariantsBySku("contoso", "1000|RED").Single().Id);
        Assert.Equal("V2", State.VariantsBySku("contoso", "1000|red").Single().Id);
        Assert.Empty(State.VariantsBySku("contoso", "1000|Red"));
        Assert.Empty(State.VariantsBySku("fabrikam", "1000|RED"));
    }

    [Fact]
    public void Deleting_a_product_deletes_its_variants_and_inventory_in_that_shop_only()
    {
        SaveProductWithVariant("contoso", "P1", "V1");
        SaveProductWithVariant("fabrikam", "P1", "V1");
        State.SaveInventory(new ShopInventory { Shop = "contoso", VariantId = "V1", LocationId = "L1", ShopifyStock = 4 });
        State.SaveInventory(new ShopInventory { Shop = "fabrikam", VariantId = "V1", LocationId = "L1", ShopifyStock = 4 });

        Assert.True(State.DeleteProduct("contoso", "P1"));

        Assert.Null(State.GetVariant("contoso", "V1"));
        Assert.Empty(State.Inventory("contoso"));
        Assert.NotNull(State.GetVariant("fabrikam", "V1"));
        Assert.Single(State.Inventory("fabrikam"));
    }

    [Fact]
    public void Products_and_variants_are_paged_in_id_order_and_the_inventory_of_a_page_is_read_by_its_first_and_last_id()
    {
        foreach (var n in new[] { 3, 1, 5, 2, 4 })
        {
            SaveProductWithVariant("contoso", $"P{n}", $"V{n}");
            State.SaveInventory(new ShopInventory { Shop = "contoso", VariantId = $"V{n}", LocationId = "L1", ShopifyStock = n });
        }
        SaveProductWithVariant("fabrikam", "P2", "V2");
        State.SaveInventory(new ShopInventory { Shop = "fabrikam", VariantId = "V2", LocationId = "L1", ShopifyStock = 9 });

        var first = State.Variants("contoso", null, 2);
        var second = State.Variants("contoso", first[^1].Id, 2);
        var last = State.Variants("contoso", second[^1].Id, 2);

        Assert.Equal(new[] { "V1", "V2", "V3", "V4", "V5" }, first.Concat(second).Concat(last).Select(v => v.Id));
        Assert.Empty(State.Variants("contoso", "V5", 2));
        Assert.Equal(new[] { "P1", "P2", "P3" }, State.Products("contoso", null, 3).Select(p => p.Id));
        Assert.Equal(new[] { "P4", "P5" }, State.Products("contoso", "P3", 3).Select(p => p.Id));
        Assert.Equal(new long?[] { 3, 4 }, State.InventoryOfVariants("contoso", "V3", "V4").Select(i => i.ShopifyStock));
        Assert.Equal(new long?[] { 9 }, State.InventoryOfVariants("fabrikam", "V1", "V5").Select(i => i.ShopifyStock));
    }

    [Fact]
    public void Inventory_keeps_Shopify_stock_and_calculated_stock_with_their_times()
    {
        SaveProductWithVariant("contoso", "P1", "V1");
        var read = DateTimeOffset.Parse("2025-03-01T10:00:00Z", CultureInfo.InvariantCulture);
        State.SaveInventory(new ShopInventory { Shop = "contoso", VariantId = "V1", LocationId = "L1", InventoryItemId = "I1", ShopifyStock = 7, ShopifyStockAt = read });
        var level = State.InventoryOfVariant("contoso", "V1").Single();
        level.CalculatedStock = 5;
        level.CalculatedAt = read.AddMinutes(1);
        State.SaveInventory(level);

        var stored = State.Inventory("contoso", "L1").Single();
        Assert.Equal((7L, read, 5L, read.AddMinutes(1)), (stored.ShopifyStock, stored.ShopifyStockAt, stored.CalculatedStock, stored.CalculatedAt));
        Assert.Empty(State.Inventory("contoso", "L2"));
        Assert.True(State.DeleteInventory("contoso", "V1", "L1"));
    }

    [Fact]
    public void A_time_written_in_another_form_than_the_stores_own_still_reads_to_the_same_instant()
    {
        SaveProductWithVariant("contoso", "P1", "V1");
        var read = DateTimeOffset.Parse("2025-03-01T10:00:00.1234567Z", CultureInfo.InvariantCulture);
        State.SaveInventory(new ShopInventory { Shop = "contoso", VariantId = "V1", LocationId = "L1", ShopifyStock = 7, ShopifyStockAt = read, CalculatedAt = read });
        SqliteStore.Execute(_store.Connection, "UPDATE shop_inventory SET CalculatedAt = '2025-03-01 11:00:00.1234567+01:00'");

        var stored = State.InventoryOfVariant("contoso", "V1").Single();

        Assert.Equal((read, TimeSpan.Zero), (stored.ShopifyStockAt, stored.ShopifyStockAt!.Value.Offset));
        Assert.Equal((read, TimeSpan.FromHours(1)), (stored.CalculatedAt, stored.CalculatedAt!.Value.Offset));
    }

    [Fact]
    public void Hashes_and_sync_times_are_kept_per_shop_and_kind()
    {
        State.SetHash("contoso", ContentKind.Picture, "P1", "abc");
        State.SetHash("contoso", ContentKind.Picture, "P1", "def");
        Assert.Equal("def", State.GetHash("contoso", ContentKind.Picture, "P1"));
        Assert.Null(State.GetHash("contoso", ContentKind.Product, "P1"));
        Assert.Null(State.GetHash("fabrikam", ContentKind.Picture, "P1"));

        var time = DateTimeOffset.Parse("2025-05-05T05:05:05.123Z", CultureInfo.InvariantCulture);
        State.SetLastSync("contoso", SyncKind.Inventory, time);
        Assert.Equal(time, State.GetLastSync("contoso", SyncKind.Inventory));
        Assert.Null(State.GetLastSync("contoso", SyncKind.Products));
    }

    [Fact]
    public void Runs_and_skipped_records_are_logged()
    {
        var run = State.StartRun("contoso", SyncKind.Products);
        State.AddSkipped(new SkippedRecord { Shop = "contoso", RunId = run.Id, ShopifyId = "P1", RecordType = "Product", Reason = "The item is blocked." });
        run.Status = RunStatus.Succeeded;
        run.Skipped = 1;
        State.FinishRun(run);

        var stored = State.Runs("contoso", 10).Single();
        Assert.Equal((RunStatus.Succeeded, 1L), (stored.Status, stored.Skipped));
        Assert.NotNull(stored.FinishedAt);
        var skipped = State.Skipped("contoso").Single();
        Assert.Equal((run.Id, "The item is blocked."), (skipped.RunId!.Value, skipped.Reason));
        Assert.Empty(State.Skipped("fabrikam"));
        Assert.Equal(1, State.ClearSkipped("contoso"));
    }

    [Fact]
    public void A_variant_of_a_product_that_is_not_stored_is_refused()
    {
        Assert.ThrowsAny<Exception>(() => State.SaveVariant(new ShopVariant { Shop = "contoso", Id = "V1", ProductId = "missing" }));
    }
}
