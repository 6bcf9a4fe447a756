using ShopifyPS.Shopify;
using ShopifyPS.Sync;

namespace ShopifyPS.Tests.Export;

/// <summary>items.collections: custom collections new products join in their productSet; smart or unknown ones stop the
/// creates before anything is sent.</summary>
public sealed class CollectionTests
{
    private static async Task<ExportShop> ShopAsync(params string[] collections)
    {
        var shop = await ExportShop.StartAsync();
        await shop.Shop.SeedAsync(new { collections = new object[] { new { title = "Summer Outdoor", handle = "summer" }, new { title = "Sale", smart = true } } });
        shop.Profile.Items.Collections.AddRange(collections);
        return shop;
    }

    [Fact]
    public async Task Names_resolve_by_handle_then_title_ignoring_case_and_smart_or_unknown_ones_are_named()
    {
        await using var shop = await ShopAsync("SUMMER", "summer outdoor", "Sale", "Winter");

        var resolved = await CollectionIds.ResolveAsync(shop.Shop.Client(), shop.Profile, CancellationToken.None);

        Assert.Equal(2, resolved.Ids.Count);
        Assert.Single(resolved.Ids.Distinct());
        Assert.Contains("'Sale' is a smart collection", resolved.Problem);
        Assert.Contains("'Winter' is neither the handle nor the title of a collection", resolved.Problem);
        Assert.DoesNotContain("SUMMER", resolved.Problem);
    }

    [Fact]
    public async Task Created_products_join_the_collections_in_their_productSet()
    {
        await using var shop = await ShopAsync("summer");

        Assert.Equal(SyncAction.Created, (await shop.AddAsync("1001")).Single().Action);

        Assert.Equal(["ProductSet", "PublishablePublish"], await shop.MutationsAsync());
        Assert.Equal(["summer"], (await shop.ProductsAsync()).Single()["collections"]!.Values<string>());
    }

    [Fact]
    public async Task A_smart_collection_fails_every_create_before_anything_is_sent()
    {
        await using var shop = await ShopAsync("summer", "Sale");

        var results = await shop.AddAsync("1001", "1002");

        Assert.All(results, r => Assert.Equal(SyncAction.Failed, r.Action));
        Assert.All(results, r => Assert.Contains("No product was created", r.Message));
        Assert.Empty(await shop.MutationsAsync());
    }
}
