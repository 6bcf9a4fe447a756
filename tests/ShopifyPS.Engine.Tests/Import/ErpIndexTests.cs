using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;
using ShopifyPS.Sync.Import;

namespace ShopifyPS.Tests.Import;

/// <summary>The import's ERP look-ups, answered by the store: codes compare ignoring case (beyond ASCII too), each
/// look-up keeps the order its doc comment states, rows of the open transaction are found, and what is kept is bounded.</summary>
public sealed class ErpIndexTests : IDisposable
{
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();

    private IErpStore Erp => _store.Erp;

    private void Items(params string[] nos)
    {
        foreach (var no in nos) Erp.Upsert(ErpTables.Items, new Item { No = no });
    }

    [Fact]
    public void An_item_no_is_found_ignoring_case_and_the_first_stored_spelling_wins()
    {
        Items("abc", "ABC", "ÄPFEL-1", "äpfel-2");
        var index = new ErpIndex(Erp);

        Assert.Equal("ABC", index.Item("aBc"));
        Assert.Equal("ÄPFEL-1", index.Item("äpfel-1"));
        Assert.Equal("äpfel-2", index.Item("ÄPFEL-2"));
        Assert.Null(index.Item("abcd"));
        Assert.Null(index.Item(""));
    }

    [Fact]
    public void An_items_variants_are_found_ignoring_case_in_key_order()
    {
        Items("1000");
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "red" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "RED" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "1000", Code = "ÜBER" });
        var index = new ErpIndex(Erp);

        Assert.Equal("RED", index.Variant("1000", "Red"));
        Assert.Equal("ÜBER", index.Variant("1000", "über"));
        Assert.Null(index.Variant("1000", "BLUE"));
        Assert.Equal(["RED", "red", "ÜBER"], index.VariantCodes("1000"));
    }

    [Fact]
    public void The_first_variant_with_a_code_is_the_first_in_item_no_and_code_order_ignoring_case()
    {
        Items("B", "A");
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "B", Code = "RED" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "A", Code = "Red" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "A", Code = "rot" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "B", Code = "öl" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "A", Code = "ÖL" });
        var index = new ErpIndex(Erp);

        Assert.Equal(("A", "Red"), (index.FirstVariantWithCode("red")!.ItemNo, index.FirstVariantWithCode("red")!.Code));
        Assert.Equal(("A", "ÖL"), (index.FirstVariantWithCode("Öl")!.ItemNo, index.FirstVariantWithCode("Öl")!.Code));
        Assert.Null(index.FirstVariantWithCode("BLUE"));
    }

    [Fact]
    public void The_last_reference_is_the_last_in_key_order_ignoring_the_case_of_the_number_and_the_vendor()
    {
        Items("1", "2", "3");
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "3", ReferenceType = ReferenceType.BarCode, ReferenceNo = "abc" });
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "2", VariantCode = "B", ReferenceType = ReferenceType.BarCode, ReferenceNo = "ABC" });
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "2", VariantCode = "A", ReferenceType = ReferenceType.BarCode, ReferenceNo = "Abc" });
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1", ReferenceType = ReferenceType.Vendor, ReferenceTypeNo = "V1", ReferenceNo = "vr-ä" });
        Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "2", ReferenceType = ReferenceType.Vendor, ReferenceTypeNo = "V2", ReferenceNo = "VR-Ä" });
        var index = new ErpIndex(Erp);

        Assert.Equal("3", index.LastReference("aBC", ReferenceType.BarCode)!.ItemNo);
        Assert.Equal("2", index.LastReference("VR-ä", ReferenceType.Vendor)!.ItemNo);
        Assert.Equal("1", index.LastReference("Vr-Ä", ReferenceType.Vendor, "v1")!.ItemNo);
        Assert.Null(index.LastReference("abc", ReferenceType.Vendor));
        Assert.Null(index.LastReference("", ReferenceType.BarCode));
    }

    [Fact]
    public void The_first_item_vendor_is_the_first_in_key_order_ignoring_the_case_of_the_number_and_the_vendor()
    {
        Items("1", "2");
        Erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "2", VendorNo = "V1", VendorItemNo = "vi-1" });
        Erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1", VariantCode = "B", VendorNo = "V2", VendorItemNo = "VI-1" });
        Erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1", VariantCode = "A", VendorNo = "V2", VendorItemNo = "Vi-1" });
        Erp.Upsert(ErpTables.ItemVendors, new ItemVendor { ItemNo = "1", VendorNo = "V3" });
        var index = new ErpIndex(Erp);

        Assert.Equal(("1", "A"), (index.FirstItemVendor("VI-1", null)!.ItemNo, index.FirstItemVendor("VI-1", null)!.VariantCode));
        Assert.Equal("2", index.FirstItemVendor("vI-1", "v1")!.ItemNo);
        Assert.Null(index.FirstItemVendor("VI-1", "V3"));
        Assert.Null(index.FirstItemVendor("", null));
    }

    [Fact]
    public void An_item_is_found_by_its_vendor_item_no_ignoring_case_the_lowest_no_first()
    {
        Erp.Upsert(ErpTables.Items, new Item { No = "2", VendorNo = "V1", VendorItemNo = "vi-1" });
        Erp.Upsert(ErpTables.Items, new Item { No = "1", VendorNo = "V1", VendorItemNo = "VI-1" });
        Erp.Upsert(ErpTables.Items, new Item { No = "0", VendorNo = "V2", VendorItemNo = "VI-1" });
        var index = new ErpIndex(Erp);

        Assert.Equal("1", index.ItemOfVendorItemNo("v1", "Vi-1"));
        Assert.Equal("0", index.ItemOfVendorItemNo("V2", "vi-1"));
        Assert.Null(index.ItemOfVendorItemNo("V3", "VI-1"));
    }

    [Fact]
    public void Rows_the_run_writes_are_found_until_the_write_is_rolled_back_and_the_index_reset()
    {
        Items("1000");
        var index = new ErpIndex(Erp);
        Assert.Null(index.Item("new-1"));
        Assert.Empty(index.VariantCodes("1000"));
        Assert.Null(index.FirstVariantWithCode("m"));
        Assert.Null(index.LastReference("bar-x", ReferenceType.BarCode));
        Assert.Null(index.ItemOfVendorItemNo("V1", "vi-new"));

        var transaction = _store.BeginTransaction();
        var item = new Item { No = "new-1", VendorNo = "V1", VendorItemNo = "vi-new" };
        Erp.Upsert(ErpTables.Items, item);
        index.Added(item);
        var variant = new ItemVariant { ItemNo = "1000", Code = "m" };
        Erp.Upsert(ErpTables.ItemVariants, variant);
        index.Added(variant);
        var reference = new ItemReference { ItemNo = "1000", ReferenceType = ReferenceType.BarCode, ReferenceNo = "bar-x" };
        Erp.Upsert(ErpTables.ItemReferences, reference);
        index.Added(reference);

        Assert.Equal("new-1", index.Item("NEW-1"));
        Assert.Equal("m", index.Variant("1000", "M"));
        Assert.Equal("m", index.FirstVariantWithCode("M")!.Code);
        Assert.Equal("1000", index.LastReference("BAR-X", ReferenceType.BarCode)!.ItemNo);
        Assert.Equal("new-1", index.ItemOfVendorItemNo("V1", "VI-NEW"));

        transaction.Dispose();
        index.Reset();
        Assert.Null(index.Item("new-1"));
        Assert.Null(index.Variant("1000", "m"));
        Assert.Null(index.LastReference("bar-x", ReferenceType.BarCode));
    }

    [Fact]
    public void The_items_kept_between_look_ups_are_bounded()
    {
        var transaction = _store.BeginTransaction();
        for (var i = 0; i < ErpIndex.CachedItems * 3; i++) Items($"I{i:D5}");
        var index = new ErpIndex(Erp);

        for (var i = 0; i < ErpIndex.CachedItems * 3; i++)
        {
            Assert.Equal($"I{i:D5}", index.Item($"i{i:D5}"));
            Assert.Empty(index.VariantCodes($"I{i:D5}"));
            Assert.InRange(index.CachedItemCount, 1, ErpIndex.CachedItems);
        }
        transaction.Dispose();
    }

    [Fact]
    public void Only_spellings_the_stores_comparison_misses_are_held()
    {
        var binary = new CodeSpellings(["ABC", "123", "abc", "Abc", "ÄB", "äb"], storeFoldsAscii: false);
        var nocase = new CodeSpellings(["ABC", "123", "abc", "Abc", "ÄB", "äb", "Äb"], storeFoldsAscii: true);

        Assert.Equal(3, binary.Count);
        Assert.Equal(["ABC", "abc", "Abc"], binary.Of("aBc"));
        Assert.Equal(["123"], binary.Of("123"));
        Assert.Equal(1, nocase.Count);
        Assert.Equal(["ABC"], nocase.Of("abc"));
        Assert.Equal(["ÄB", "äb"], nocase.Of("äB"));
    }

    [Theory]
    [InlineData(nameof(ErpTables.Items), "No", "items_by_no_nocase")]
    [InlineData(nameof(ErpTables.ItemVariants), "Code", "item_variants_by_code_nocase")]
    public void A_look_up_ignoring_case_searches_the_nocase_index(string table, string column, string index)
    {
        var erpTable = (ErpTable)typeof(ErpTables).GetField(table)!.GetValue(null)!;
        AssertSearches(SqliteErpStore.RowsIgnoringCaseSql(erpTable, erpTable.Column(column)!), column, index);
    }

    [Theory]
    [InlineData(nameof(ErpTables.Items), "No", "No", true, "items_by_no_nocase")]
    [InlineData(nameof(ErpTables.ItemVariants), "Code", "ItemNo", false, "sqlite_autoindex_item_variants_1")]
    public void A_look_up_of_one_column_searches_an_index(string table, string column, string filter, bool ignoringCase, string index)
    {
        var erpTable = (ErpTable)typeof(ErpTables).GetField(table)!.GetValue(null)!;
        AssertSearches(SqliteErpStore.ValuesWhereSql(erpTable, erpTable.Column(column)!, erpTable.Column(filter)!, ignoringCase), filter, index);
    }

    [Fact]
    public void A_look_up_of_one_column_gives_it_in_key_order_as_stored_or_ignoring_ascii_case_with_the_open_transactions_rows()
    {
        Items("abc", "ABC", "Abd", "ÄB");
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "abc", Code = "b" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "abc", Code = "C" });
        Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "ABC", Code = "A" });

        Assert.Equal(["ABC", "abc"], Erp.ValuesWhere(ErpTables.Items, "No", "No", "aBC", ignoringCase: true));
        Assert.Equal(["abc"], Erp.ValuesWhere(ErpTables.Items, "No", "No", "abc"));
        Assert.Empty(Erp.ValuesWhere(ErpTables.Items, "No", "No", "äb", ignoringCase: true));
        Assert.Equal(["C", "b"], Erp.ValuesWhere(ErpTables.ItemVariants, "Code", "ItemNo", "abc"));
        Assert.Equal(["abc", "abc"], Erp.ValuesWhere(ErpTables.ItemVariants, "ItemNo", "Code", "B", ignoringCase: true)
            .Concat(Erp.ValuesWhere(ErpTables.ItemVariants, "ItemNo", "Code", "c", ignoringCase: true)));

        using (_store.BeginTransaction())
        {
            Erp.Upsert(ErpTables.ItemVariants, new ItemVariant { ItemNo = "abc", Code = "A" });
            Assert.Equal(["A", "C", "b"], Erp.ValuesWhere(ErpTables.ItemVariants, "Code", "ItemNo", "abc"));
        }
        Assert.Equal(["C", "b"], Erp.ValuesWhere(ErpTables.ItemVariants, "Code", "ItemNo", "abc"));
    }

    private void AssertSearches(string sql, string parameter, string index)
    {
        using var command = _store.Command("EXPLAIN QUERY PLAN " + sql.Replace("$" + parameter, "'x'", StringComparison.Ordinal));
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains(index, StringComparison.Ordinal));
    }

    public void Dispose() => _store.Dispose();
}
