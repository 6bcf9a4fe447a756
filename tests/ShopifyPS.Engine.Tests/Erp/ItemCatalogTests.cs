using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Storage;

namespace ShopifyPS.Tests.Erp;

public sealed class ItemCatalogTests : IDisposable
{
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();
    private readonly ItemCatalog _catalog;

    public ItemCatalogTests() => _catalog = new ItemCatalog(_store.Erp, _store.Connector);

    public void Dispose() => _store.Dispose();

    private static Dictionary<string, object?> Bag(params (string, object?)[] values) => values.ToDictionary(v => v.Item1, v => v.Item2);

    [Fact]
    public void Save_creates_and_then_changes_only_the_given_columns()
    {
        var created = _catalog.Save(new ItemChange { No = "1000", Values = [new("Description", "Bicycle"), new("UnitPrice", "4000.5"), new("Blocked", "True")] });
        Assert.Equal(UpsertOutcome.Inserted, created.Item);
        var changed = _catalog.Save(new ItemChange { No = "1000", Values = [new("UnitPrice", 10)] });
        Assert.Equal(UpsertOutcome.Updated, changed.Item);
        var item = _catalog.Find(new ItemQuery { No = ["1000"] }).Single();
        Assert.Equal(("Bicycle", 10m, true), (item.Description, item.UnitPrice, item.Blocked));
        Assert.False(_catalog.Save(new ItemChange { No = "1000", Values = [new("UnitPrice", 10m)] }).Changed);
    }

    [Fact]
    public void Variants_and_barcodes_are_replaced_by_what_is_given()
    {
        _catalog.Save(new ItemChange
        {
            No = "1000",
            Variants = [Bag(("Code", "RED"), ("Description", "Red")), Bag(("Code", "BLUE"))],
            Barcodes = [Bag(("ReferenceNo", "111")), Bag(("ReferenceNo", "222"), ("VariantCode", "RED"))],
        });
        _store.Erp.Upsert(ErpTables.ItemReferences, new ItemReference { ItemNo = "1000", ReferenceType = ReferenceType.Vendor, ReferenceNo = "V-1" });

        var result = _catalog.Save(new ItemChange { No = "1000", Variants = [Bag(("Code", "RED"))], Barcodes = [Bag(("ReferenceNo", "111"))] });

        Assert.Equal((0, 1, 0, 1), (result.VariantsSaved, result.VariantsRemoved, result.BarcodesSaved, result.BarcodesRemoved));
        var item = _catalog.Find(new ItemQuery()).Single();
        Assert.Equal("Red", item.Variants.Single().Description);
        Assert.Equal("111", item.Barcodes.Single().ReferenceNo);
        Assert.True(_store.Erp.Exists(ErpTables.ItemReferences, ("ReferenceType", ReferenceType.Vendor)));
    }

    [Fact]
    public void A_bad_change_saves_nothing()
    {
        _catalog.Save(new ItemChange { No = "1000", Values = [new("Description", "Bicycle")] });
        var ex = Assert.Throws<ArgumentException>(() => _catalog.Save(new ItemChange
        {
            No = "1000", Values = [new("Description", "Changed")], Variants = [Bag(("Code", "RED"))], Barcodes = [Bag(("ReferenceNo", "1"), ("VariantCode", "BLUE"))],
        }));
        Assert.Contains("BLUE", ex.Message);
        var item = _catalog.Find(new ItemQuery()).Single();
        Assert.Equal("Bicycle", item.Description);
        Assert.Empty(item.Variants);
        Assert.Throws<ArgumentException>(() => _catalog.Save(new ItemChange { No = "1000", Values = [new("UnitPrice", "cheap")] }));
        Assert.Throws<ArgumentException>(() => _catalog.Save(new ItemChange { No = "1000", Variants = [Bag(("Code", "A")), Bag(("Code", "A"))] }));
    }

    [Fact]
    public void The_lists_print_as_JSON_that_parses_back_to_the_same_rows()
    {
        const string tricky = "Quote \" comma , newline \n æøå 🚲 '; DROP TABLE items;--";
        _catalog.Save(new ItemChange
        {
            No = "1000",
            Variants = [Bag(("Code", "RED"), ("Description", tricky), ("Blocked", true)), Bag(("Code", "2025-01-01"), ("Description", "2025-01-01"))],
            Barcodes = [Bag(("ReferenceNo", "0123"), ("VariantCode", "RED"))],
        });
        var item = _catalog.Find(new ItemQuery()).Single();
        var variants = ItemCells.Parse(item.Variants.ToString()!, "Code");
        var barcodes = ItemCells.Parse(item.Barcodes.ToString()!, "ReferenceNo");

        Assert.False(_catalog.Save(new ItemChange { No = "1000", Variants = variants, Barcodes = barcodes }).Changed);
        Assert.Equal(tricky, _catalog.Find(new ItemQuery()).Single().Variants.Single(v => v.Code == "RED").Description);
        Assert.Equal("0123", barcodes.Single()["ReferenceNo"]);
        Assert.Equal("BLUE", ItemCells.Parse("BLUE", "Code").Single()["Code"]);
        Assert.Empty(ItemCells.Parse("", "Code"));
    }

    [Fact]
    public void Find_adds_the_shop_mapping_and_filters_unmapped_items()
    {
        _catalog.Save(new ItemChange { No = "1000" });
        _catalog.Save(new ItemChange { No = "2000" });
        _store.Connector.SaveProduct(new ShopProduct { Shop = "contoso", Id = "P1", ItemNo = "1000" });
        _store.Connector.SaveVariant(new ShopVariant { Shop = "contoso", Id = "V1", ProductId = "P1", ItemNo = "1000", MappedByItem = true });

        var mapped = _catalog.Find(new ItemQuery { No = ["1000"] }, "contoso").Single();
        Assert.Equal(("P1", "V1"), (mapped.ProductId, mapped.VariantIds.Single()));
        Assert.Equal("[\"V1\"]", mapped.VariantIds.ToString());
        Assert.Equal(["2000"], _catalog.Find(new ItemQuery(), "contoso", unmappedOnly: true).Select(i => i.No));
        Assert.Equal(["1000", "2000"], _catalog.Find(new ItemQuery(), "fabrikam", unmappedOnly: true).Select(i => i.No));
    }

    [Fact]
    public void Remove_deletes_the_item_and_records_it_for_the_sync()
    {
        _catalog.Save(new ItemChange { No = "1000", Variants = [Bag(("Code", "RED"))] });
        Assert.True(_catalog.Remove("1000"));
        Assert.False(_catalog.Remove("1000"));
        Assert.Equal("1000", _store.Erp.RemovedItems().Single().ItemNo);
        Assert.False(_catalog.Exists("1000"));
    }
}
