using Newtonsoft.Json.Linq;
using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>The streaming reader of bulk exports: parents with their children, whatever order Shopify writes them in,
/// never more than a bounded number of parents held open.</summary>
public sealed class BulkGroupReaderTests
{
    private static int? Count(BulkRecord product) => product.Data.Value<int?>("variantsCount");

    [Fact]
    public async Task Hands_out_each_product_as_soon_as_its_last_variant_came_even_when_the_variants_come_later()
    {
        // Two products, then their variants, the second product's first (as the emulator writes them).
        string[] lines =
        [
            Product(1, 2), Product(2, 1),
            Variant(21, 2), Variant(11, 1), Variant(12, 1),
        ];
        var reader = new BulkGroupReader(Count);
        var handedOut = new List<string>();

        await foreach (var product in reader.ReadAsync(Records(lines)))
            handedOut.Add($"{product.Id}:{string.Join(",", product.ChildrenOfType("ProductVariant").Select(v => v.Id))}");

        Assert.Equal(new[] { "gid://shopify/Product/2:gid://shopify/ProductVariant/21", "gid://shopify/Product/1:gid://shopify/ProductVariant/11,gid://shopify/ProductVariant/12" }, handedOut);
        Assert.Equal(2, reader.PeakOpen);
        Assert.Equal(0, reader.Spilled);
    }

    [Fact]
    public async Task Never_holds_more_open_products_than_its_bound_and_loses_no_variant_when_every_variant_comes_last()
    {
        // The worst order Shopify's rule allows: all 3,000 products first, then every variant, the last product's first.
        const int products = 3000;
        var lines = Enumerable.Range(1, products).Select(p => Product(p, 3))
            .Concat(Enumerable.Range(1, products).Reverse().SelectMany(p => Enumerable.Range(1, 3).Select(v => Variant(p * 10 + v, p))));
        var reader = new BulkGroupReader(Count, maxOpen: 100);

        var read = await reader.ReadAsync(Records(lines)).ToListAsync();

        Assert.Equal(100, reader.PeakOpen);
        Assert.Equal(products - 100, reader.Spilled);
        Assert.Equal(products, read.Select(p => p.Id).Distinct().Count());
        Assert.All(read, p => Assert.Equal(
            Enumerable.Range(1, 3).Select(v => $"gid://shopify/ProductVariant/{Number(p.Id!) * 10 + v}"),
            p.Children.Select(c => c.Id)));
        Assert.All(read.SelectMany(p => p.Children), v => Assert.Null(v.Data["__parentId"]));
    }

    [Fact]
    public async Task A_product_without_a_count_stays_open_to_the_end_of_the_file()
    {
        var reader = new BulkGroupReader(_ => null);

        var read = await reader.ReadAsync(Records([Product(1, 0), Variant(11, 1), Product(2, 0)])).ToListAsync();

        Assert.Equal(new[] { "gid://shopify/Product/1", "gid://shopify/Product/2" }, read.Select(p => p.Id));
        Assert.Single(read[0].Children);
    }

    [Fact]
    public async Task A_variant_whose_product_never_came_is_refused_with_the_line()
    {
        var reader = new BulkGroupReader(Count);

        var ex = await Assert.ThrowsAsync<InvalidDataException>(async () => await reader.ReadAsync(Records([Product(1, 1), Variant(99, 9)])).ToListAsync());

        Assert.Contains("gid://shopify/ProductVariant/99", ex.Message);
        Assert.Contains("gid://shopify/Product/9", ex.Message);
    }

    private static string Product(int id, int variants) => $$"""{"id":"gid://shopify/Product/{{id}}","variantsCount":{{variants}}}""";

    private static string Variant(int id, int product) => $$"""{"id":"gid://shopify/ProductVariant/{{id}}","__parentId":"gid://shopify/Product/{{product}}"}""";

    private static int Number(string gid) => int.Parse(gid[(gid.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    private static async IAsyncEnumerable<BulkRecord> Records(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return new BulkRecord(JObject.Parse(line));
        }
    }
}
