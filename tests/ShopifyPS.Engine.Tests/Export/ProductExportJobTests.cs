using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Shopify;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Tests.Export;

/// <summary>The export jobs against the in-process emulator, on the example data set.</summary>
public sealed class ProductExportJobTests
{
    private const string Shop = "emulator";

    private static Task<List<SyncResult>> Add(ExportShop shop, params string[] numbers) =>
        ExportShop.ListAsync(new ProductExportJob(shop.Context()).AddItemsAsync(new ItemSelection { Numbers = numbers }));

    private static Task<List<SyncResult>> Sync(ExportShop shop, bool whatIf = false, bool force = false) =>
        ExportShop.ListAsync(new ProductExportJob(shop.Context(whatIf)).SyncLinkedAsync([], force));

    [Fact]
    public async Task Add_creates_one_product_per_item_with_its_variants_and_links_them()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.SkuMapping = SkuMapping.ItemNoVariantCode;

        var results = await Add(shop, "1001", "1016");

        Assert.Equal([SyncAction.Created, SyncAction.Created], results.Select(r => r.Action));
        Assert.Equal(["ProductSet", "ProductSet", "PublishablePublish", "PublishablePublish"], await shop.MutationsAsync());
        var jacket = (await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-1001");
        Assert.Equal(["Online Store"], jacket["publications"]!.Values<string>());
        Assert.Equal(["1001|L", "1001|M", "1001|S", "1001|XL"], jacket["variants"]!.Select(v => v.Value<string>("sku")).Order());
        var product = shop.Store.Connector.ProductsOfItem(Shop, "1001").Single();
        Assert.Equal(jacket.Value<string>("id"), product.Id);
        var variants = shop.Store.Connector.VariantsOfProduct(Shop, product.Id);
        Assert.Equal(["L", "M", "S", "XL"], variants.Select(v => v.VariantCode).Order());
        Assert.All(variants, v => Assert.StartsWith("gid://shopify/InventoryItem/", v.InventoryItemId));
        Assert.All(variants, v => Assert.NotNull(VariantPrices.Parse(shop.Store.Connector.GetHash(Shop, ContentKind.Variant, v.Id))));
    }

    [Fact]
    public async Task Items_that_cannot_be_exported_or_are_linked_already_are_skipped_before_any_call()
    {
        await using var shop = await ExportShop.StartAsync();
        await Add(shop, "1004");
        await shop.Shop.ClearRequestsAsync();

        var results = await Add(shop, "1021", "1028", "1004", "9999");

        Assert.Empty(await shop.MutationsAsync());
        Assert.All(results, r => Assert.Equal(SyncAction.Skipped, r.Action));
        Assert.Equal(ProductBuilder.BlockedReason, results.Single(r => r.ItemNo == "1021").Message);
        Assert.Contains("already linked", results.Single(r => r.ItemNo == "1004").Message);
        Assert.Contains("No item '9999'", results.Single(r => r.ItemNo == "9999").Message);
        Assert.Contains(shop.Store.Connector.Skipped(Shop), s => s.ItemNo == "1028" && s.Reason == ProductBuilder.BlockedReason);
    }

    [Fact]
    public async Task An_item_whose_handle_another_item_has_is_skipped_whether_that_item_is_linked_or_planned_in_the_same_run()
    {
        await using var shop = await ExportShop.StartAsync();
        foreach (var no in new[] { "HX.1", "HX-1", "HY.1", "HY-1" })
            shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = no, Description = $"Item {no}", UnitPrice = 10, UnitCost = 5 });
        await Add(shop, "HX.1");

        var results = await Add(shop, "HX-1", "HY-1", "HY.1");

        Assert.Equal("The product handle 'item-hx-1' of item HX-1 is already taken by item HX.1's product. Link the item by hand.", results.Single(r => r.ItemNo == "HX-1").Message);
        Assert.Equal(SyncAction.Created, results.Single(r => r.ItemNo == "HY-1").Action);
        Assert.Equal("The product handle 'item-hy-1' of item HY.1 is already taken by item HY-1's product. Link the item by hand.", results.Single(r => r.ItemNo == "HY.1").Message);
        Assert.Equal(["item-hx-1", "item-hy-1"], (await shop.ProductsAsync()).Select(p => p.Value<string>("handle")).Order());
    }

    [Fact]
    public async Task A_second_sync_of_unchanged_items_sends_no_mutation_and_a_changed_item_is_sent_again()
    {
        await using var shop = await ExportShop.StartAsync();
        await Add(shop, "1001", "1002", "1003");
        await shop.Shop.ClearRequestsAsync();

        var second = await Sync(shop);
        Assert.All(second, r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await shop.MutationsAsync());

        var item = shop.Store.Erp.RowsIn(ErpTables.Items, "No", ["1002"]).Single();
        item.Description = "Storm Shell Jacket W";
        shop.Store.Erp.Upsert(ErpTables.Items, item);
        var third = await Sync(shop);

        Assert.Equal(SyncAction.Updated, third.Single(r => r.ItemNo == "1002").Action);
        Assert.Equal(["ProductUpdate"], await shop.MutationsAsync());
        Assert.Equal(["id", "title"], (await shop.Shop.RequestsAsync()).Single().SelectToken("variables.product")!.Children<Newtonsoft.Json.Linq.JProperty>().Select(p => p.Name));
        Assert.Equal("Storm Shell Jacket W", (await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-1002").Value<string>("title"));
        Assert.Equal(3, (await Sync(shop, force: true)).Count(r => r.Action == SyncAction.Updated));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_continues_with_the_product_Shopify_made_and_keeps_its_ids()
    {
        await using var shop = await ExportShop.StartAsync();
        // Shopify creates the product, then the connection drops: the client must not send productSet again.
        await shop.Shop.FaultsAsync(new object[] { new { kind = "dropAfter", count = 1, match = "ProductSet" } });

        var first = await Add(shop, "1001");
        var state = await shop.ProductsAsync();

        Assert.Equal(SyncAction.Created, first.Single().Action);
        Assert.Contains("unanswered create", first.Single().Message);
        Assert.Equal(["ProductSet", "PublishablePublish"], await shop.MutationsAsync());
        var product = state.Single();
        Assert.Equal(product.Value<string>("id"), first.Single().ProductId);
        Assert.Equal(product["variants"]!.Select(v => v.Value<string>("id")).Order(),
            shop.Store.Connector.VariantsOfProduct(Shop, product.Value<string>("id")!).Select(v => v.Id).Order());
        Assert.Null(shop.Store.Connector.GetHash(Shop, ContentKind.PendingCreate, "item-1001"));
    }

    [Fact]
    public async Task A_run_killed_after_Shopify_created_the_product_is_continued_by_the_next_one_with_the_same_ids()
    {
        await using var shop = await ExportShop.StartAsync();
        var first = await Add(shop, "1001", "1005");
        var before = (await shop.ProductsAsync()).ToDictionary(p => p.Value<string>("id")!, p => p["variants"]!.Select(v => (v.Value<string>("id"), v.SelectToken("inventoryItem.id")!.ToString())).ToList());
        // The kill: Shopify created the products, but the run never recorded them (the pending marks stay).
        foreach (var result in first)
        {
            shop.Store.Connector.DeleteProduct(Shop, result.ProductId);
            shop.Store.Connector.SetHash(Shop, ContentKind.PendingCreate, ProductSetInput.Handle(result.ItemNo), result.ItemNo);
        }
        await shop.Shop.ClearRequestsAsync();

        var again = await Add(shop, "1001", "1005");

        Assert.Equal(first.Select(r => r.ProductId), again.Select(r => r.ProductId));
        Assert.DoesNotContain("ProductSet", await shop.MutationsAsync());
        var after = (await shop.ProductsAsync()).ToDictionary(p => p.Value<string>("id")!, p => p["variants"]!.Select(v => (v.Value<string>("id"), v.SelectToken("inventoryItem.id")!.ToString())).ToList());
        Assert.Equal(before, after);
        Assert.Equal(4, shop.Store.Connector.VariantsOfProduct(Shop, again[0].ProductId).Count);
    }

    [Fact]
    public async Task Removed_and_blocked_items_get_the_action_for_removed_products()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.ActionForRemovedProducts = RemovedProductAction.StatusToArchived;
        await Add(shop, "1001", "1002", "1003");
        new ItemCatalog(shop.Store.Erp, shop.Store.Connector).Remove("1001");
        var blocked = shop.Store.Erp.RowsIn(ErpTables.Items, "No", ["1002"]).Single();
        blocked.Blocked = true;
        shop.Store.Erp.Upsert(ErpTables.Items, blocked);

        var results = await Sync(shop);

        Assert.Equal((SyncAction.Updated, SyncAction.Updated, SyncAction.Unchanged),
            (results.Single(r => r.ItemNo == "1001").Action, results.Single(r => r.ItemNo == "1002").Action, results.Single(r => r.ItemNo == "1003").Action));
        var products = await shop.ProductsAsync();
        Assert.Equal("ARCHIVED", products.Single(p => p.Value<string>("handle") == "item-1001").Value<string>("status"));
        Assert.Equal("ARCHIVED", products.Single(p => p.Value<string>("handle") == "item-1002").Value<string>("status"));
        Assert.True(shop.Store.Connector.ProductsOfItem(Shop, "1001").Single().Removed);
        var again = await Sync(shop);
        Assert.DoesNotContain(again, r => r.ItemNo == "1001");
        Assert.Equal("Shopify product is archived.", again.Single(r => r.ItemNo == "1002").Message);
    }

    [Fact]
    public async Task WhatIf_plans_creates_and_field_changes_and_changes_nothing()
    {
        await using var shop = await ExportShop.StartAsync();
        await Add(shop, "1004");
        var item = shop.Store.Erp.RowsIn(ErpTables.Items, "No", ["1004"]).Single();
        item.Description = "Fleece Midlayer Pro";
        shop.Store.Erp.Upsert(ErpTables.Items, item);
        await shop.Shop.ClearRequestsAsync();

        var created = await ExportShop.ListAsync(new ProductExportJob(shop.Context(whatIf: true)).AddItemsAsync(new ItemSelection { Numbers = ["1005"] }));
        var updated = await Sync(shop, whatIf: true);

        Assert.True(created.Single().Planned);
        Assert.StartsWith("Would create product 'Softshell Jacket'", created.Single().Message);
        Assert.Contains("title 'Fleece Midlayer' → 'Fleece Midlayer Pro'", updated.Single().Message);
        Assert.Empty(await shop.MutationsAsync());
        Assert.Empty(shop.Store.Connector.ProductsOfItem(Shop, "1005"));
        Assert.Equal(SyncAction.Updated, (await Sync(shop)).Single().Action);
    }

    [Fact]
    public async Task Nothing_is_planned_or_sent_when_outgoing_requests_are_off()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.AllowOutgoingRequests = false;

        await Assert.ThrowsAsync<ShopifyOutgoingRequestsDisabledException>(() => Add(shop, "1001"));

        Assert.Empty(await shop.Shop.RequestsAsync());
        Assert.Empty(shop.Store.Connector.Skipped(Shop));
    }

    [Fact]
    public async Task From_the_threshold_on_the_products_go_as_one_bulk_mutation_and_are_linked_from_its_results()
    {
        await using var shop = await ExportShop.StartAsync();
        for (var i = 0; i < ProductExportJob.BulkThreshold; i++)
            shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000}", Description = $"Bulk item {i}", UnitPrice = 10 + i, UnitCost = 5 });

        var results = await Add(shop, "B*", "1001");

        Assert.Equal(ProductExportJob.BulkThreshold + 1, results.Count(r => r.Action == SyncAction.Created));
        var mutations = await shop.MutationsAsync();
        Assert.Equal(["StagedUploadsCreate", "BulkOperationRunMutation", "StagedUploadsCreate", "BulkOperationRunMutation"], mutations);
        Assert.All(await shop.ProductsAsync(), p => Assert.Equal(["Online Store"], p["publications"]!.Values<string>()));
        Assert.Equal(4, shop.Store.Connector.VariantsOfProduct(Shop, results.Single(r => r.ItemNo == "1001").ProductId).Count);
        Assert.Equal(11m, (await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-b001")["variants"]![0]!.Value<decimal>("price"));
    }

    [Theory]
    [InlineData(ProductExportJob.BulkThreshold)]
    [InlineData(2 * ProductExportJob.BulkThreshold)]
    public async Task A_bulk_create_holds_no_more_plans_in_memory_than_its_buffer_whatever_the_number_of_products(int count)
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.SkuMapping = SkuMapping.ItemNoVariantCode;
        for (var i = 0; i < count; i++)
            shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000}", Description = $"Bulk item {i}", UnitPrice = 10 + i, UnitCost = 5 });
        var job = new ProductExportJob(shop.Context()) { PlanBufferSize = 10 };

        var results = await ExportShop.ListAsync(job.AddItemsAsync(new ItemSelection { Numbers = ["B*", "1001"] }));

        Assert.Equal(10, job.MostPlansHeld);
        Assert.Equal(count + 1, results.Count(r => r.Action == SyncAction.Created));
        Assert.Equal(["StagedUploadsCreate", "BulkOperationRunMutation", "StagedUploadsCreate", "BulkOperationRunMutation"], await shop.MutationsAsync());
        // Each answer was recorded with the plan of its own line.
        var handles = (await shop.ProductsAsync()).ToDictionary(p => p.Value<string>("id")!, p => p.Value<string>("handle"));
        Assert.All(results, r => Assert.Equal(ProductSetInput.Handle(r.ItemNo), handles[r.ProductId]));
        Assert.Equal(["L", "M", "S", "XL"], shop.Store.Connector.VariantsOfProduct(Shop, results.Single(r => r.ItemNo == "1001").ProductId).Select(v => v.VariantCode).Order());
        Assert.All(results, r => Assert.Null(shop.Store.Connector.GetHash(Shop, ContentKind.PendingCreate, ProductSetInput.Handle(r.ItemNo))));
    }

    [Fact]
    public async Task Updates_are_sent_a_batch_at_a_time_so_no_more_than_a_batch_is_held_in_memory()
    {
        await using var shop = await ExportShop.StartAsync();
        string[] numbers = ["1001", "1002", "1003", "1004", "1005"];
        await Add(shop, numbers);
        foreach (var no in numbers) shop.ChangeItem(no, i => i.Description += " (new)");
        await shop.Shop.ClearRequestsAsync();
        var job = new ProductExportJob(shop.Context()) { UpdateBatchSize = 2 };

        var results = await ExportShop.ListAsync(job.SyncLinkedAsync([], false));

        Assert.Equal(2, job.MostUpdatesHeld);
        Assert.Equal(numbers, results.Where(r => r.Action == SyncAction.Updated).Select(r => r.ItemNo).Order());
        Assert.Equal(Enumerable.Repeat("ProductUpdate", numbers.Length), await shop.MutationsAsync());
        Assert.All(await Sync(shop), r => Assert.Equal(SyncAction.Unchanged, r.Action));
    }

    [Fact]
    public async Task Price_sync_sends_only_the_changed_fields_of_changed_variants()
    {
        await using var shop = await ExportShop.StartAsync();
        await Add(shop, "1004", "1006");
        var item = shop.Store.Erp.RowsIn(ErpTables.Items, "No", ["1006"]).Single();
        item.UnitPrice = 449;
        shop.Store.Erp.Upsert(ErpTables.Items, item);
        await shop.Shop.ClearRequestsAsync();

        var results = await ExportShop.ListAsync(new PriceSyncJob(shop.Context()).RunAsync([]));

        var changed = results.Single(r => r.Action == SyncAction.Updated);
        Assert.Equal("1006", changed.ItemNo);
        Assert.StartsWith("Updated price 399.00 → 449.00", changed.Message);
        var request = (await shop.Shop.RequestsAsync()).Single();
        Assert.Equal("ProductVariantsBulkUpdate", request.Value<string>("operationName"));
        Assert.Equal(["id", "price"], request.SelectToken("variables.variants[0]")!.Children<Newtonsoft.Json.Linq.JProperty>().Select(p => p.Name));
        Assert.Equal(449m, (await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-1006")["variants"]![0]!.Value<decimal>("price"));
        await shop.Shop.ClearRequestsAsync();
        Assert.All(await ExportShop.ListAsync(new PriceSyncJob(shop.Context()).RunAsync([])), r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.All(await Sync(shop), r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await shop.MutationsAsync());
    }

    [Fact]
    public async Task Tags_are_sent_at_once_and_not_again_by_the_next_sync_and_removing_a_product_applies_the_action()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.ActionForRemovedProducts = RemovedProductAction.StatusToDraft;
        var id = (await Add(shop, "1004")).Single().ProductId;
        var editor = new ProductEditor(shop.Context());

        var tagged = await editor.SetAsync(id, new ProductEdit { AddTags = ["outdoor", "Fleece"], SeoTitle = "Warm fleece" }, CancellationToken.None);
        Assert.Equal(SyncAction.Updated, tagged.Action);
        Assert.Equal(["Fleece", "outdoor"], (await shop.ProductsAsync()).Single()["tags"]!.Values<string>().Order());
        Assert.Equal("Warm fleece", (string?)(await shop.ProductsAsync()).Single().SelectToken("seo.title"));

        await shop.Shop.ClearRequestsAsync();
        await Sync(shop);
        var mutations = await shop.MutationsAsync();
        Assert.DoesNotContain("TagsAdd", mutations);
        Assert.DoesNotContain("TagsRemove", mutations);
        Assert.Equal(["Fleece", "outdoor"], (await shop.ProductsAsync()).Single()["tags"]!.Values<string>().Order());

        var removed = await editor.RemoveAsync(id, CancellationToken.None);
        Assert.Equal(SyncAction.Updated, removed.Action);
        Assert.Equal("status set to Draft (was Active; actionForRemovedProducts: StatusToDraft)", removed.InShopify);
        Assert.Equal("DRAFT", (await shop.ProductsAsync()).Single().Value<string>("status"));
        Assert.Null(shop.Store.Connector.GetProduct(Shop, id));
        Assert.Empty(shop.Store.Connector.VariantsOfItem(Shop, "1004"));
    }
}
