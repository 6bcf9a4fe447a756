using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>The export jobs against the in-process emulator, on the example data set.</summary>
public sealed class ProductExportJobTests
{
    [Fact]
    public async Task Add_creates_one_product_per_item_with_its_variants_and_links_them()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.SkuMapping = SkuMapping.ItemNoVariantCode;

        var results = await ExportShop.ListAsync(new ProductExportJob(shop.Context()).AddItemsAsync(new ItemSelection { Numbers = ["1001", "1016"] }));

        Assert.Equal([SyncAction.Created, SyncAction.Created], results.Select(r => r.Action));
        Assert.Equal(["ProductSet", "ProductSet"], await shop.MutationsAsync());
        var jacket = (await shop.ProductsAsync()).Single(p => p.Value<string>("handle") == "item-1001");
        Assert.Equal(["1001|L", "1001|M", "1001|S", "1001|XL"], jacket["variants"]!.Select(v => v.Value<string>("sku")).Order());
        var product = shop.Store.Connector.ProductsOfItem("emulator", "1001").Single();
        Assert.Equal(jacket.Value<string>("id"), product.Id);
        var variants = shop.Store.Connector.VariantsOfProduct("emulator", product.Id);
        Assert.Equal(["L", "M", "S", "XL"], variants.Select(v => v.VariantCode).Order());
        Assert.All(variants, v => Assert.StartsWith("gid://shopify/InventoryItem/", v.InventoryItemId));
    }
}
