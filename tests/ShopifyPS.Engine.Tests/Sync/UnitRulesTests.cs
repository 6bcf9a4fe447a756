using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Sync.Inventory;
using ShopifyPS.Sync.Prices;

namespace ShopifyPS.Tests.Sync;

/// <summary>
/// An item sold in another unit than its base unit (Business Central: price, barcode and weight of the sales unit;
/// CalcPrice for a unit; GetStock divides by the quantity per unit and rounds down; GetItemBarcode
/// takes a reference of the unit or without one). Item 1039: a gas canister kept in PCS at 79.00, cost 30, 0.37 kg,
/// also sold by the BOX of 12.
/// </summary>
public sealed class UnitRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static Item Canister(string salesUnit = "") => new()
    {
        No = "1039", Description = "Gas canister", BaseUnitOfMeasure = "PCS", SalesUnitOfMeasure = salesUnit,
        UnitPrice = 79m, UnitCost = 30m, GrossWeight = 0.37m,
    };

    private static readonly ItemUnitOfMeasure[] Units =
    [
        new() { ItemNo = "1039", Code = "BOX", QtyPerUnitOfMeasure = 12 },
        new() { ItemNo = "1039", Code = "PACK", QtyPerUnitOfMeasure = 4 },
    ];

    private static SalesPrice Row(decimal price, string unit = "", string group = "RETAIL") =>
        new() { ItemNo = "1039", UnitOfMeasure = unit, SourceType = SalesPriceSourceType.CustomerPriceGroup, SourceCode = group, UnitPrice = price };

    public static TheoryData<string, string, SalesPrice[], decimal, decimal> PriceCases => new()
    {
        // unit, rows → price, cost
        { "BC §2.9 the base unit: the item card's price and cost", "", [], 79m, 30m },
        { "BC §2.9 no price for the unit: the item card's price and cost times 12", "BOX", [], 948m, 360m },
        { "BC §2.9 a base-unit price is converted too: 75 × 12 (lower than the card)", "BOX", [Row(75m)], 900m, 360m },
        { "a price for the unit beats the converted base-unit price", "BOX", [Row(70m), Row(849m, "BOX")], 849m, 360m },
        { "the lowest-price rule holds for units: the converted item card 948 beats a box price of 960", "BOX", [Row(960m, "BOX")], 948m, 360m },
        { "BC §2.9 the unit or blank: another unit's price never applies", "BOX", [Row(200m, "PACK")], 948m, 360m },
        { "a row naming the base unit is a base-unit price", "BOX", [Row(70m, "PCS")], 840m, 360m },
        { "pricing the base unit ignores the box price", "", [Row(849m, "BOX")], 79m, 30m },
    };

    [Theory]
    [MemberData(nameof(PriceCases))]
    public void Price_and_cost_of_a_unit(string why, string unit, SalesPrice[] rows, decimal price, decimal cost)
    {
        var item = Canister();
        var engine = new PriceEngine(new PriceContext
        {
            Settings = new PriceSettings { CustomerPriceGroup = "RETAIL" }, LocalCurrencyCode = "NOK", Today = Today,
            Currencies = [], ExchangeRates = [], VatSetup = [], CustomerTemplates = [],
        });

        var result = engine.Calculate(new PriceInputs { Item = item, Unit = ItemUnits.Find(item, Units, unit), SalesPrices = rows });

        Assert.True((price, cost) == (result.Price, result.UnitCost), $"{why}: {result.Explanation}");
    }

    [Theory]
    [InlineData("BC §2.11 30 pieces are 2 boxes of 12 (rounded down)", 30, 12, 2)]
    [InlineData("11 pieces are no box", 11, 12, 0)]
    [InlineData("24 pieces are exactly 2 boxes", 24, 12, 2)]
    [InlineData("the base unit counts pieces", 30, 1, 30)]
    [InlineData("a negative stock is 0 in any unit", -13, 12, 0)]
    public void Stock_in_whole_units(string why, int pieces, int qtyPerUnit, int expected)
    {
        var stock = new[] { new StockEntry { ItemNo = "1039", LocationCode = "MAIN", Inventory = pieces } };

        var figure = StockCalculator.Calculate(StockCalculation.FreeInventory, LocationFilter.Parse(""), Canister(), "", stock, qtyPerUnit)!;

        Assert.True(expected == figure.Quantity, why);
    }

    public static TheoryData<string, string, string[], string> BarcodeCases => new()
    {
        // sales unit, references as "unit:number" → barcode
        { "BC §2.3 the sales unit's reference", "BOX", ["PCS:111", "BOX:222"], "222" },
        { "the base unit's reference for an item sold in its base unit", "", ["BOX:222", "PCS:111"], "111" },
        { "a reference without a unit serves every unit", "BOX", [":333"], "333" },
        { "the unit's own reference beats one without a unit", "BOX", [":333", "BOX:222"], "222" },
        { "a BOX's only barcode is never sent as the piece's", "", ["BOX:222"], "" },
        { "a piece's only barcode is never sent as the box's", "BOX", ["PCS:111"], "" },
    };

    [Theory]
    [MemberData(nameof(BarcodeCases))]
    public void Barcode_of_the_sales_unit(string why, string salesUnit, string[] references, string expected)
    {
        var data = new ItemExportData
        {
            Item = Canister(salesUnit), Units = Units,
            References = references.Select(r => r.Split(':')).Select(r => new ItemReference
            {
                ItemNo = "1039", UnitOfMeasure = r[0], ReferenceType = ReferenceType.BarCode, ReferenceNo = r[1],
            }).ToList(),
        };

        var variant = Assert.Single(ProductBuilder.Build(data, new ItemSettings { SkuMapping = SkuMapping.BarCode }, Today).Variants);

        Assert.True((expected, expected) == (variant.Barcode, variant.Sku), why);
    }

    [Theory]
    [InlineData("BC §2.6 the base unit weighs the gross weight", "", 0.37)]
    [InlineData("BC §2.6 a box weighs the gross weight times 12", "BOX", 4.44)]
    [InlineData("a pack weighs the gross weight times 4", "PACK", 1.48)]
    public void Weight_of_the_sales_unit(string why, string salesUnit, decimal kilograms)
    {
        var data = new ItemExportData { Item = Canister(salesUnit), Units = Units };

        var variant = Assert.Single(ProductBuilder.Build(data, new ItemSettings(), Today).Variants);

        Assert.True(kilograms == variant.Weight, why);
        Assert.Equal(salesUnit.Length == 0 ? "PCS" : salesUnit, variant.Unit.Code);
    }

    [Fact]
    public void An_item_sold_in_a_unit_it_does_not_have_is_not_exported()
    {
        var data = new ItemExportData { Item = Canister("CRATE"), Units = Units };

        var reason = ProductBuilder.CannotExportReason(data, new ItemSettings());

        Assert.Equal("Item 1039 is sold in 'CRATE', which is not one of its units of measure: add it to item-units-of-measure.csv " +
            "(ItemNo 1039, Code CRATE, QtyPerUnitOfMeasure), or clear SalesUnitOfMeasure (Set-ShopifyItem -No 1039 -SalesUnitOfMeasure '').", reason);
    }
}
