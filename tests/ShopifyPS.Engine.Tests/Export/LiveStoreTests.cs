using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>
/// A live store: merchandisers edit products in Shopify admin (through the mutations admin sends), the ERP changes,
/// and a sync must keep every admin edit, send only the fields whose ERP value changed, and say so beforehand.
/// </summary>
public sealed class LiveStoreTests
{
    private const string Shop = "emulator";

    private static async Task AdminEditsAsync(ExportShop shop, string productId)
    {
        var options = await shop.Shop.RawAsync("query O($id: ID!) { product(id: $id) { options { id } } }", new JObject { ["id"] = productId }, "O");
        var edits = new (string Document, JObject Variables)[]
        {
            ("mutation T($id: ID!) { tagsAdd(id: $id, tags: [\"summer\"]) { userErrors { message } } }", new JObject { ["id"] = productId }),
            ("mutation S($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }",
                new JObject { ["p"] = new JObject { ["id"] = productId, ["seo"] = new JObject { ["title"] = "Warm jacket" } } }),
            ("mutation R($id: ID!, $o: OptionUpdateInput!) { productOptionUpdate(productId: $id, option: $o) { userErrors { message } } }",
                new JObject { ["id"] = productId, ["o"] = new JObject { ["id"] = options.SelectToken("data.product.options[0].id"), ["name"] = "Size" } }),
            ("mutation V($id: ID!, $v: [ProductVariantsBulkInput!]!) { productVariantsBulkCreate(productId: $id, variants: $v) { userErrors { message } } }",
                new JObject { ["id"] = productId, ["v"] = new JArray(new JObject { ["optionValues"] = new JArray(new JObject { ["optionName"] = "Size", ["name"] = "XXL" }), ["price"] = "999.00" }) }),
        };
        foreach (var (document, variables) in edits)
        {
            var answer = await shop.Shop.RawAsync(document, variables, document.Split(' ', '(')[1]);
            Assert.All(answer.SelectTokens("data.*.userErrors[*]"), e => Assert.Fail(e.ToString()));
        }
    }

    [Fact]
    public async Task A_sync_after_admin_edits_keeps_them_and_sends_only_the_fields_whose_ERP_value_changed()
    {
        await using var shop = await ExportShop.StartAsync();
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        await AdminEditsAsync(shop, id);
        shop.ChangeItem("1001", i => { i.Description = "Storm Shell Jacket Pro"; i.UnitPrice += 100; });
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal(SyncAction.Updated, result.Action);
        var requests = await shop.Shop.RequestsAsync();
        Assert.Equal(["ProductUpdate", "ProductVariantsBulkUpdate"], requests.Select(r => r.Value<string>("operationName")));
        Assert.Equal(["id", "title"], requests[0].SelectToken("variables.product")!.Children<JProperty>().Select(p => p.Name));
        Assert.All(requests[1].SelectToken("variables.variants")!, v => Assert.Equal(["id", "price"], v.Children<JProperty>().Select(p => p.Name)));
        var product = (await shop.ProductsAsync()).Single();
        Assert.Equal("Storm Shell Jacket Pro", product.Value<string>("title"));
        Assert.Equal(["summer"], product["tags"]!.Values<string>());
        Assert.Equal("Warm jacket", product.SelectToken("seo.title")!.ToString());
        Assert.Equal("Size", product.SelectToken("options[0].name")!.ToString());
        Assert.Contains(product["variants"]!, v => v.Value<string>("title") == "XXL" && v.Value<decimal>("price") == 999m);
        Assert.All(await shop.SyncAsync(), r => Assert.Equal(SyncAction.Unchanged, r.Action));
    }

    [Fact]
    public async Task The_WhatIf_plan_names_exactly_the_fields_the_run_then_sends()
    {
        await using var shop = await ExportShop.StartAsync();
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        await AdminEditsAsync(shop, id);
        shop.ChangeItem("1001", i => { i.Description = "Storm Shell Jacket Pro"; i.UnitCost += 10; i.GrossWeight += 1; });
        var local = shop.Store.Connector.GetProduct(Shop, id)!;
        local.Tags = "erp-managed";
        shop.Store.Connector.SaveProduct(local);
        await shop.Shop.ClearRequestsAsync();

        var plan = (await shop.SyncAsync(whatIf: true)).Single().Message;
        Assert.Empty(await shop.MutationsAsync());
        await shop.SyncAsync();

        var sent = new List<string>();
        foreach (var request in await shop.Shop.RequestsAsync())
        {
            var variables = request["variables"]!;
            switch (request.Value<string>("operationName"))
            {
                case "ProductUpdate": sent.AddRange(variables["product"]!.Children<JProperty>().Where(p => p.Name != "id").Select(p => p.Name)); break;
                case "TagsAdd": sent.Add("tags added: " + string.Join(", ", variables["tags"]!.Values<string>())); break;
                case "ProductVariantsBulkUpdate":
                    foreach (var variant in variables["variants"]!)
                    {
                        var code = shop.Store.Connector.GetVariant(Shop, variant.Value<string>("id")!)!.VariantCode;
                        var fields = variant.Children<JProperty>().Where(p => p.Name != "id")
                            .SelectMany(p => p.Name == "inventoryItem" ? p.Value.Children<JProperty>().Select(i => i.Name == "measurement" ? "weight" : i.Name) : [p.Name]);
                        sent.AddRange(fields.Select(f => $"variant {code}: {f}"));
                    }
                    break;
                default: sent.Add(request.Value<string>("operationName")!); break;
            }
        }
        var planned = new List<string>();
        foreach (var line in plan[(plan.IndexOf(": ", StringComparison.Ordinal) + 2)..].TrimEnd('.').Split("; "))
        {
            if (line.StartsWith("tags added", StringComparison.Ordinal)) planned.Add(line);
            else if (line.StartsWith("variant ", StringComparison.Ordinal))
            {
                var (label, changes) = (line[..line.IndexOf(':')], line[(line.IndexOf(':') + 2)..]);
                planned.AddRange(changes.Split(", ").Select(c => $"{label}: {c.Split(' ')[0]}"));
            }
            else planned.Add(line.Split(' ')[0] == "description" ? "descriptionHtml" : line.Split(' ')[0]);
        }
        Assert.Equal(sent.Order(), planned.Order());
        Assert.Contains("title", planned);
        Assert.Contains("tags added: erp-managed", planned);
        Assert.Contains("variant M: weight", planned);
    }

    [Fact]
    public async Task New_item_variants_join_the_products_own_option_and_removed_ones_are_kept()
    {
        await using var shop = await ExportShop.StartAsync();
        var main = shop.Profile.Locations;
        var location = (await shop.Shop.StateAsync())["locations"]![0]!.Value<string>("id")!;
        main.Add(new ShopLocation { Id = location, Name = "Main warehouse", StockCalculation = StockCalculation.FreeInventory, DefaultProductLocation = true });
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        await AdminEditsAsync(shop, id);
        shop.Store.Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1001", Code = "XS", Description = "Extra small" });
        var small = shop.Store.Erp.RowsIn(ErpTables.ItemVariants, "ItemNo", ["1001"]).Single(v => v.Code == "S");
        small.Blocked = true;
        shop.Store.Erp.Upsert(ErpTables.ItemVariants, small);

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal(SyncAction.Updated, result.Action);
        Assert.Contains("new variant XS", result.Message);
        Assert.Contains("kept in Shopify although their item variant was removed or blocked: S", result.Message);
        var product = (await shop.ProductsAsync()).Single();
        Assert.Equal(["L", "M", "S", "XL", "XS", "XXL"], product["variants"]!.Select(v => v.Value<string>("title")).Order());
        var xs = product["variants"]!.Single(v => v.Value<string>("title") == "XS");
        Assert.Equal(location, xs.SelectToken("inventoryItem.levels[0].locationId")!.ToString());
        Assert.Equal("XS", shop.Store.Connector.GetVariant(Shop, xs.Value<string>("id")!)!.VariantCode);
    }

    [Fact]
    public async Task New_products_are_stocked_at_default_locations_and_archived_when_every_item_variant_is_gone()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.ActionForRemovedVariants = RemovedVariantAction.ArchiveWhenAllRemoved;
        var location = (await shop.Shop.StateAsync())["locations"]![1]!.Value<string>("id")!;
        shop.Profile.Locations.Add(new ShopLocation { Id = location, Name = "East store", DefaultProductLocation = true });
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        Assert.All((await shop.ProductsAsync()).Single()["variants"]!, v => Assert.Equal([location], v.SelectTokens("inventoryItem.levels[*].locationId").Values<string>()));
        foreach (var variant in shop.Store.Erp.RowsIn(ErpTables.ItemVariants, "ItemNo", ["1001"]))
        {
            variant.Blocked = true;
            shop.Store.Erp.Upsert(ErpTables.ItemVariants, variant);
        }

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal(SyncAction.Updated, result.Action);
        var product = (await shop.ProductsAsync()).Single();
        Assert.Equal("ARCHIVED", product.Value<string>("status"));
        Assert.Equal(4, product["variants"]!.Count());
    }
}
