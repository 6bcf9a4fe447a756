using ShopifyPS.Shopify;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Storage;

/// <summary>Tab completion's lookups: prefix matches without case, at most 100, and always a range search on an index,
/// shown by SQLite's own query plan over 100,000 items.</summary>
public sealed class StoreLookupTests : IClassFixture<StoreLookupTests.LargeStore>
{
    private readonly SqliteStore _store;

    public StoreLookupTests(LargeStore fixture) => _store = fixture.Store;

    /// <summary>100,000 items (two variants each), categories, templates, currencies, price groups and a shop's mirror.</summary>
    public sealed class LargeStore : IDisposable
    {
        public SqliteStore Store { get; } = SqliteStore.OpenInMemory();

        public LargeStore()
        {
            using var transaction = Store.BeginTransaction();
            Execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
                INSERT INTO items (No, Description) SELECT printf('IT%06d', i), 'Item ' || i FROM n;
                INSERT INTO item_variants (ItemNo, Code) SELECT No, 'RED' FROM items;
                INSERT INTO item_variants (ItemNo, Code) SELECT No, 'Blue' FROM items WHERE No <= 'IT000010';
                INSERT INTO item_categories (Code) VALUES ('JACKETS'), ('JEANS'), ('SHOES');
                INSERT INTO item_templates (Code) VALUES ('SHOPIFY'), ('SERVICE');
                INSERT INTO currencies (Code) VALUES ('EUR'), ('USD'), ('DKK');
                INSERT INTO sales_prices (ItemNo, SourceType, SourceCode, UnitPrice) VALUES
                    ('IT000001', 'CustomerPriceGroup', 'RETAIL', 10), ('IT000002', 'CustomerPriceGroup', 'RESELLER', 9),
                    ('IT000003', 'CustomerPriceGroup', 'RETAIL', 8), ('IT000004', 'AllCustomers', 'REGION', 7);
                INSERT INTO shop_products (Shop, Id, Title) VALUES ('contoso', 'P1', 'A'), ('fabrikam', 'P2', 'B');
                INSERT INTO shop_variants (Shop, Id, ProductId, Sku) VALUES
                    ('contoso', 'V1', 'P1', 'sku-1'), ('contoso', 'V2', 'P1', 'SKU-2'), ('fabrikam', 'V3', 'P2', 'sku-3');
                """);
            transaction.Commit();
        }

        private void Execute(string sql)
        {
            using var command = Store.Command(sql);
            command.ExecuteNonQuery();
        }

        public void Dispose() => Store.Dispose();
    }

    [Theory]
    [InlineData(LookupKind.ItemNo)]
    [InlineData(LookupKind.VariantCode)]
    [InlineData(LookupKind.ItemCategoryCode)]
    [InlineData(LookupKind.Sku)]
    [InlineData(LookupKind.CustomerPriceGroup)]
    [InlineData(LookupKind.ItemTemplateCode)]
    [InlineData(LookupKind.CurrencyCode)]
    public void Every_lookup_is_a_range_search_on_an_index_never_a_scan(LookupKind kind)
    {
        foreach (var scope in new object[] { DBNull.Value, "scope" })
        {
            using var command = _store.Command("EXPLAIN QUERY PLAN " + StoreLookup.Sql(kind));
            command.Parameters.AddWithValue("$prefix", "IT0001%");
            command.Parameters.AddWithValue("$scope", scope);
            command.Parameters.AddWithValue("$limit", StoreLookup.MaxResults);
            var plan = new List<string>();
            using (var reader = command.ExecuteReader())
                while (reader.Read()) plan.Add(reader.GetString(3));

            var text = string.Join(" | ", plan);
            Assert.Contains(plan, step => step.StartsWith("SEARCH ", StringComparison.Ordinal) && step.Contains("INDEX"));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
            Assert.DoesNotContain("ORDER BY", text);
        }
    }

    [Fact]
    public void Returns_at_most_100_values_in_order_that_start_with_the_prefix_in_any_case()
    {
        var items = StoreLookup.Find(_store, LookupKind.ItemNo, "it0001");
        Assert.Equal(StoreLookup.MaxResults, items.Count);
        Assert.Equal("IT000100", items[0]);
        Assert.All(items, no => Assert.StartsWith("IT0001", no));
        Assert.Equal(new[] { "IT099999" }, StoreLookup.Find(_store, LookupKind.ItemNo, "IT099999"));
        Assert.Empty(StoreLookup.Find(_store, LookupKind.ItemNo, "IT_"));
    }

    [Fact]
    public void Each_kind_reads_its_own_values_narrowed_by_shop_or_item()
    {
        Assert.Equal(new[] { "Blue" }, StoreLookup.Find(_store, LookupKind.VariantCode, "b"));
        Assert.Empty(StoreLookup.Find(_store, LookupKind.VariantCode, "b", itemNo: "IT000011"));
        Assert.Equal(new[] { "Blue", "RED" }, StoreLookup.Find(_store, LookupKind.VariantCode, "", itemNo: "IT000010"));
        Assert.Equal(new[] { "JACKETS", "JEANS" }, StoreLookup.Find(_store, LookupKind.ItemCategoryCode, "j"));
        Assert.Equal(new[] { "sku-1", "SKU-2" }, StoreLookup.Find(_store, LookupKind.Sku, "SKU", shop: "contoso"));
        Assert.Equal(new[] { "sku-1", "SKU-2", "sku-3" }, StoreLookup.Find(_store, LookupKind.Sku, "sku"));
        Assert.Equal(new[] { "RESELLER", "RETAIL" }, StoreLookup.Find(_store, LookupKind.CustomerPriceGroup, "RE"));
        Assert.Equal(new[] { "SERVICE", "SHOPIFY" }, StoreLookup.Find(_store, LookupKind.ItemTemplateCode, "s"));
        Assert.Equal(new[] { "DKK", "EUR", "USD" }, StoreLookup.Find(_store, LookupKind.CurrencyCode, ""));
    }

    [Fact]
    public void Api_versions_are_the_quarterly_releases_of_the_last_year_and_the_default()
    {
        var versions = ApiVersions.SupportedOn(new DateOnly(2026, 12, 5));
        Assert.Equal(new[] { "2026-10", "2026-07", "2026-04", "2026-01", "2025-10" }, versions);
        Assert.Contains(ShopifyPS.ShopProfile.DefaultApiVersion, ApiVersions.SupportedOn(new DateOnly(2031, 1, 1)));
    }
}
