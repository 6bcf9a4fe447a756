using ShopifyPS.Shopify;

namespace ShopifyPS.Tests.Shopify;

/// <summary>The streaming reader of bulk exports: parents with their children, whatever order Shopify writes them in,
/// never more than a bounded number of parents held open.</summary>
public sealed class BulkGroupReaderTests
{
    private static BulkGroupReader<BulkProductLine> Reader(int maxOpen = BulkGroupReader<BulkProductLine>.DefaultMaxOpen) =>
        new(BulkProductLine.Reader("test"), p => p.VariantsCount, maxOpen);

    [Fact]
    public async Task Hands_out_each_product_as_soon_as_its_last_variant_came_even_when_the_variants_come_later()
    {
        // Two products, then their variants, the second product's first (as the emulator writes them).
        string[] lines =
        [
            Product(1, 2), Product(2, 1),
            Variant(21, 2), Variant(11, 1), Variant(12, 1),
        ];
        var reader = Reader();
        var handedOut = new List<string>();

        await foreach (var product in reader.ReadAsync(Lines(lines)))
            handedOut.Add($"{product.Id}:{string.Join(",", product.Children.Select(v => v.Data.Variant!.Id))}");

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
        var reader = Reader(maxOpen: 100);

        var read = await reader.ReadAsync(Lines(lines)).ToListAsync();

        Assert.Equal(100, reader.PeakOpen);
        Assert.Equal(products - 100, reader.Spilled);
        Assert.Equal(products, read.Select(p => p.Id).Distinct().Count());
        Assert.All(read, p => Assert.Equal(
            Enumerable.Range(1, 3).Select(v => $"gid://shopify/ProductVariant/{Number(p.Id!) * 10 + v}"),
            p.Children.Select(c => c.Id)));
        Assert.All(read.SelectMany(p => p.Children), v => Assert.Equal(v.ParentId, v.Data.Variant!.ProductId));
    }

    [Fact]
    public async Task A_spilled_product_comes_back_with_every_field_of_it_and_of_its_variants()
    {
        // With one product open at most, the second product's line spills the first with the variant it has; its second
        // variant then goes to the spill after it.
        string[] lines =
        [
            BulkProductLineTests.FullProduct, BulkProductLineTests.FullVariant, Product(2, 1),
            Variant(21, 2), BulkProductLineTests.FullVariant.Replace("ProductVariant/11", "ProductVariant/12", StringComparison.Ordinal),
        ];
        var held = await Reader().ReadAsync(Lines(lines)).ToListAsync();
        var reader = Reader(maxOpen: 1);

        var spilled = await reader.ReadAsync(Lines(lines)).ToListAsync();

        Assert.Equal(1, reader.Spilled);
        Assert.Equal(Fields(held), Fields(spilled));
        var product = spilled.Single(p => p.Id == "gid://shopify/Product/1");
        Assert.Equal("Café \"Zürich\" ☕", product.Data.Product!.Title);
        Assert.Equal(new[] { 11, 12 }.Select(n => $"gid://shopify/ProductVariant/{n}"), product.Children.Select(v => v.Data.Variant!.Id));
    }

    [Fact]
    public async Task A_product_without_an_exact_count_stays_open_to_the_end_of_the_file()
    {
        var atLeast = """{"id":"gid://shopify/Product/1","variantsCount":{"count":1,"precision":"AT_LEAST"}}""";
        var reader = Reader();

        var read = await reader.ReadAsync(Lines([atLeast, Variant(11, 1), Product(2, 0), Variant(12, 1)])).ToListAsync();

        Assert.Equal(new[] { "gid://shopify/Product/2", "gid://shopify/Product/1" }, read.Select(p => p.Id));
        Assert.Equal(2, read[1].Children.Count);
    }

    [Fact]
    public async Task A_variant_whose_product_never_came_is_refused_with_the_line()
    {
        var ex = await Assert.ThrowsAsync<ShopifyException>(async () => await Reader().ReadAsync(Lines([Product(1, 1), Variant(99, 9)])).ToListAsync());

        Assert.StartsWith("Line 2 of the bulk operation's result file", ex.Message);
        Assert.Contains("gid://shopify/ProductVariant/99", ex.Message);
        Assert.Contains("gid://shopify/Product/9", ex.Message);
    }

    [Fact]
    public async Task A_malformed_line_is_refused_with_its_number()
    {
        var ex = await Assert.ThrowsAsync<ShopifyException>(async () => await Reader().ReadAsync(Lines([Product(1, 1), """{"id":"gid://shopify/ProductVariant/11","""])).ToListAsync());

        Assert.StartsWith("Line 2 of the bulk operation's result file is not what Shopify writes", ex.Message);
    }

    private static string Product(int id, int variants) =>
        $$$"""{"id":"gid://shopify/Product/{{{id}}}","title":"Product {{{id}}}","variantsCount":{"count":{{{variants}}},"precision":"EXACT"}}""";

    private static string Variant(int id, int product) =>
        $$"""{"id":"gid://shopify/ProductVariant/{{id}}","sku":"S-{{id}}","__parentId":"gid://shopify/Product/{{product}}"}""";

    private static int Number(string gid) => int.Parse(gid[(gid.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every public field of each product and its variants, by product id.</summary>
    private static List<string> Fields(IEnumerable<BulkRecord<BulkProductLine>> products) =>
        products.OrderBy(p => p.Id, StringComparer.Ordinal)
            .SelectMany(p => p.Children.Select(v => BulkProductLineTests.Describe(v.Data.Variant!)).Prepend(BulkProductLineTests.Describe(p.Data.Product!)))
            .ToList();

    private static async IAsyncEnumerable<BulkLine> Lines(IEnumerable<string> lines)
    {
        var number = 0;
        foreach (var line in lines)
        {
            await Task.Yield();
            yield return new BulkLine(++number, line);
        }
    }
}
