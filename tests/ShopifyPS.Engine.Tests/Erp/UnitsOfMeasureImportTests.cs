using ShopifyPS.Erp;
using ShopifyPS.Erp.Import;
using ShopifyPS.Storage;
using ShopifyPS.Tests.Storage;

namespace ShopifyPS.Tests.Erp;

/// <summary>item-units-of-measure.csv and the rows that name a unit (sales prices, item references).</summary>
public sealed class UnitsOfMeasureImportTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly SqliteStore _store = SqliteStore.OpenInMemory();

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private ErpImportResult Import() =>
        new ErpDataImporter(_store.Erp).Import(_folder.Path, false, new Progress<RunEvent>(), CancellationToken.None);

    [Fact]
    public void Units_load_and_rows_may_name_the_base_unit_or_one_of_them()
    {
        _folder.Write("items.csv", "No,BaseUnitOfMeasure,SalesUnitOfMeasure\n1039,PCS,BOX\n");
        _folder.Write("item-units-of-measure.csv", "ItemNo,Code,QtyPerUnitOfMeasure\n1039,BOX,12\n1039,PCS,1\n");
        _folder.Write("sales-prices.csv", "ItemNo,UnitOfMeasure,UnitPrice\n1039,,79\n1039,PCS,80\n1039,BOX,849\n");
        _folder.Write("item-references.csv", "ItemNo,UnitOfMeasure,ReferenceNo\n1039,PCS,7040000012606\n1039,BOX,7040000012613\n");

        var result = Import();

        Assert.Empty(result.Errors);
        Assert.Equal("BOX", _store.Erp.Rows(ErpTables.Items).Single().SalesUnitOfMeasure);
        Assert.Equal([("BOX", 12m), ("PCS", 1m)], _store.Erp.Rows(ErpTables.ItemUnitsOfMeasure).Select(u => (u.Code, u.QtyPerUnitOfMeasure)));
        // The unit is part of a price's key: a piece price and a box price of one item live side by side.
        Assert.Equal(["", "BOX", "PCS"], _store.Erp.Rows(ErpTables.SalesPrices).Select(p => p.UnitOfMeasure));
    }

    [Theory]
    [InlineData("1039,BOX,0", "QtyPerUnitOfMeasure", "greater than 0")]
    [InlineData("1039,BOX,-12", "QtyPerUnitOfMeasure", "greater than 0")]
    [InlineData("1039,PCS,12", "QtyPerUnitOfMeasure", "must be 1 for PCS, the base unit of measure of item '1039'")]
    [InlineData("1040,BOX,12", "ItemNo", "item '1040' does not exist")]
    [InlineData("1039,BOX,", "QtyPerUnitOfMeasure", "")]
    public void A_bad_unit_row_is_refused_with_its_line_column_and_reason(string row, string column, string reason)
    {
        _folder.Write("items.csv", "No,BaseUnitOfMeasure\n1039,PCS\n");
        _folder.Write("item-units-of-measure.csv", $"ItemNo,Code,QtyPerUnitOfMeasure\n1039,PACK,6\n{row}\n");

        var error = Assert.Single(Import().Errors);

        Assert.Equal(("item-units-of-measure.csv", 3, column), (error.File, error.Line, error.Column));
        Assert.Contains(reason, error.Reason);
        Assert.Equal(["PACK"], _store.Erp.Rows(ErpTables.ItemUnitsOfMeasure).Select(u => u.Code));
    }

    [Theory]
    [InlineData("sales-prices.csv", "ItemNo,UnitOfMeasure,UnitPrice\n1039,CRATE,900\n")]
    [InlineData("item-references.csv", "ItemNo,UnitOfMeasure,ReferenceNo\n1039,CRATE,7040000012620\n")]
    public void A_row_naming_a_unit_the_item_does_not_have_is_refused(string file, string content)
    {
        _folder.Write("items.csv", "No,BaseUnitOfMeasure\n1039,PCS\n");
        _folder.Write(file, content);

        var error = Assert.Single(Import().Errors);

        Assert.Equal((file, 2, "UnitOfMeasure"), (error.File, error.Line, error.Column));
        Assert.Equal("item '1039' has no unit of measure 'CRATE' (its base unit is 'PCS'); add it to item-units-of-measure.csv (or the store) first.", error.Reason);
    }

    [Fact]
    public void A_database_of_version_4_keeps_its_sales_prices_when_the_unit_joins_their_key()
    {
        var path = Path.Combine(_folder.Path, "v4.db");
        OldSchema.Create(path, 4,
            "INSERT INTO items (No) VALUES ('1000');" +
            "\nINSERT INTO item_variants (ItemNo, Code) VALUES ('1000', 'RED');" +
            "\nINSERT INTO sales_prices (ItemNo, VariantCode, SourceType, SourceCode, UnitPrice) VALUES ('1000', 'RED', 'CustomerPriceGroup', 'RETAIL', 99);");

        using (var store = SqliteStore.Open(path, StoreAccess.Write, StoreOptions.Default))
        {
            var price = Assert.Single(store.Erp.Rows(ErpTables.SalesPrices));
            Assert.Equal(("RED", "", "RETAIL", 99m), (price.VariantCode, price.UnitOfMeasure, price.SourceCode, price.UnitPrice));
            // The variant trigger was rebuilt with the table: removing the variant still removes its prices.
            store.Erp.Delete(ErpTables.ItemVariants, new ShopifyPS.Erp.Model.ItemVariant { ItemNo = "1000", Code = "RED" });
            Assert.Empty(store.Erp.Rows(ErpTables.SalesPrices));
        }
    }
}
