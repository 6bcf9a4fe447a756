namespace ShopifyPS.Emulator.Tests;

/// <summary>The store is shared by concurrent requests; writes must not be lost or corrupt indexes.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_product_sets_all_land_with_unique_handles_and_indexed_skus()
    {
        await using var emu = await TestEmulator.StartAsync(new EmulatorOptions { BucketSize = 100_000, RestoreRate = 100_000 });
        var tasks = Enumerable.Range(0, 40).Select(i => emu.DataAsync(ProductSetTests.ProductSet, new { input = ProductSetTests.Shirt(null, ("S", $"P{i}-S", "1.00"), ("M", $"P{i}-M", "2.00")) }));
        var results = await Task.WhenAll(tasks);
        var handles = results.Select(r => r["productSet"]!["product"]!["handle"]!.GetValue<string>()).ToList();
        Assert.Equal(40, handles.Distinct().Count());
        var count = await emu.DataAsync("{ productVariantsCount { count } }");
        Assert.Equal(80, count["productVariantsCount"]!["count"]!.GetValue<int>());
        var found = await emu.DataAsync("{ productVariants(first: 5, query: \"sku:P17-M\") { nodes { sku } } }");
        Assert.Single(found["productVariants"]!["nodes"]!.AsArray());
    }
}
