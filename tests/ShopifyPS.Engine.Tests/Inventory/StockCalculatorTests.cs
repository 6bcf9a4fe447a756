using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>
/// Stock per Shopify location (Business Central's GetStock/CalcStock and their tests): projected available
/// balance = Inventory + ScheduledReceipts − GrossRequirements, free inventory = Inventory − ReservedQuantity,
/// summed over the ERP locations the filter matches, rounded down, negative sent as 0.
/// </summary>
public sealed class StockCalculatorTests
{
    private static readonly Dictionary<string, Item> Items = new()
    {
        ["1000"] = new() { No = "1000", Type = ItemType.Inventory },
        ["2000"] = new() { No = "2000", Type = ItemType.Inventory },
        ["3000"] = new() { No = "3000", Type = ItemType.NonInventory },
        ["4000"] = new() { No = "4000", Type = ItemType.Service },
        ["5000"] = new() { No = "5000", Type = ItemType.Inventory },
    };

    private static readonly StockEntry[] Stock =
    [
        Row("1000", "", "EAST", inventory: 10, reserved: 2, receipts: 5, requirements: 3),   // PAB 12, free 8
        Row("1000", "", "WEST", inventory: 4, reserved: 0, receipts: 0, requirements: 6),    // PAB −2, free 4
        Row("1000", "", "MAIN", inventory: 7.5m, reserved: 0, receipts: 0, requirements: 0), // 7.5 both
        Row("2000", "V1", "EAST", inventory: 5, reserved: 1, receipts: 0, requirements: 0),  // PAB 5, free 4
        Row("2000", "V2", "EAST", inventory: 3, reserved: 0, receipts: 0, requirements: 0),  // 3 both
        Row("2000", "V1", "WEST", inventory: 2, reserved: 0, receipts: 0, requirements: 10), // PAB −8, free 2
        Row("3000", "", "EAST", inventory: 50, reserved: 0, receipts: 0, requirements: 0),
        Row("4000", "", "EAST", inventory: 50, reserved: 0, receipts: 0, requirements: 0),
        Row("5000", "", "MAIN", inventory: 0, reserved: 0, receipts: 0, requirements: 0.5m), // PAB −0.5
    ];

    private static StockEntry Row(string item, string variant, string location, decimal inventory, decimal reserved, decimal receipts, decimal requirements) =>
        new() { ItemNo = item, VariantCode = variant, LocationCode = location, Inventory = inventory, ReservedQuantity = reserved, ScheduledReceipts = receipts, GrossRequirements = requirements };

    [Theory]
    [InlineData("V4 all locations, projected available balance", StockCalculation.ProjectedAvailableBalance, "", "1000", "", 17, 17.5, false)]
    [InlineData("V2 free inventory = on hand − reserved, all locations", StockCalculation.FreeInventory, "", "1000", "", 19, 19.5, false)]
    [InlineData("V4 one location", StockCalculation.ProjectedAvailableBalance, "EAST", "1000", "", 12, 12, false)]
    [InlineData("V4 summed over the filter's locations", StockCalculation.ProjectedAvailableBalance, "EAST|WEST", "1000", "", 10, 10, false)]
    [InlineData("V4 free inventory over a filter", StockCalculation.FreeInventory, "EAST|WEST", "1000", "", 12, 12, false)]
    [InlineData("V4 wildcard filter", StockCalculation.FreeInventory, "*ST", "1000", "", 12, 12, false)]
    [InlineData("V4 filter matching nothing gives 0", StockCalculation.ProjectedAvailableBalance, "NORTH", "1000", "", 0, 0, false)]
    [InlineData("BC §2.11 rounded down to whole units", StockCalculation.ProjectedAvailableBalance, "MAIN", "1000", "", 7, 7.5, false)]
    [InlineData("BC §2.11 negative stock is sent as 0 and flagged", StockCalculation.ProjectedAvailableBalance, "WEST", "1000", "", 0, -2, true)]
    [InlineData("BC §2.11 −0.5 rounds down to −1, sent as 0 and flagged", StockCalculation.ProjectedAvailableBalance, "", "5000", "", 0, -0.5, true)]
    [InlineData("BC §2.11 variant filter: only the variant's rows", StockCalculation.ProjectedAvailableBalance, "EAST", "2000", "V1", 5, 5, false)]
    [InlineData("BC §2.11 variant summed over locations, negative", StockCalculation.ProjectedAvailableBalance, "", "2000", "V1", 0, -3, true)]
    [InlineData("BC §2.11 variant free inventory", StockCalculation.FreeInventory, "", "2000", "V1", 6, 6, false)]
    [InlineData("BC §2.11 no variant filter sums every variant of the item", StockCalculation.ProjectedAvailableBalance, "", "2000", "", 0, 0, false)]
    [InlineData("BC §2.11 variant code compared as a Code value", StockCalculation.FreeInventory, "EAST", "2000", "v2", 3, 3, false)]
    public void Stock_figure(string name, StockCalculation calculation, string filter, string itemNo, string variant,
        int quantity, double calculated, bool wasNegative)
    {
        var figure = StockCalculator.Calculate(calculation, LocationFilter.Parse(filter), Items[itemNo], variant, Stock);

        Assert.NotNull(figure);
        Assert.True(new StockFigure(quantity, (decimal)calculated, wasNegative) == figure, $"{name}: got {figure}");
    }

    [Theory]
    [InlineData("V2 BC §4.11 Disabled location: no figure at all", StockCalculation.Disabled, "1000")]
    [InlineData("BC §2.11 non-inventory item: no figure", StockCalculation.ProjectedAvailableBalance, "3000")]
    [InlineData("BC §2.11 service item: no figure", StockCalculation.FreeInventory, "4000")]
    public void No_stock_figure(string name, StockCalculation calculation, string itemNo)
    {
        var figure = StockCalculator.Calculate(calculation, LocationFilter.All, Items[itemNo], "", Stock);

        Assert.True(figure is null, name);
    }
}
