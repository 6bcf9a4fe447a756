using ShopifyPS.Connector;
using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;

namespace ShopifyPS.Tests.Inventory;

/// <summary>The scratch file a run's levels to stock wait in until the end of the run.</summary>
public sealed class ParkedLevelsTests
{
    [Fact]
    public void Parked_levels_come_back_by_line_number_as_they_were()
    {
        var west = new ShopLocation { Id = "gid://shopify/Location/2", Name = "West store" };
        using var parked = new ParkedLevels([new ShopLocation { Id = "gid://shopify/Location/1", Name = "Main" }, west]);
        for (var i = 1; i <= 3; i++)
        {
            var variant = new ShopVariant { Shop = "contoso", Id = $"gid://shopify/ProductVariant/{i}", Sku = "2026-11-26T10:00:00", ItemNo = "1001", VariantCode = $"V{i}", InventoryItemId = $"gid://shopify/InventoryItem/{i}", Tracked = true };
            parked.Add(new LevelPlan(variant, west, new StockFigure(i, i + 0.5m, false)) { Known = i != 2 });
        }

        var second = parked.Level(1);

        Assert.Equal(3, parked.Count);
        Assert.Equal(("gid://shopify/ProductVariant/2", "2026-11-26T10:00:00", "V2", "gid://shopify/InventoryItem/2"),
            (second.Variant.Id, second.Variant.Sku, second.Variant.VariantCode, second.InventoryItemId));
        Assert.Same(west, second.Location);
        Assert.Equal((2, false, false), (second.Target, second.Known, second.Activated));
        Assert.True(parked.Level(2).Activated);
        Assert.Equal(["V1", "V2", "V3"], parked.Levels().Select(l => l.Variant.VariantCode));
    }
}
