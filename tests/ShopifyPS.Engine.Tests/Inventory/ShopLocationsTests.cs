using ShopifyPS.Profiles;
using ShopifyPS.Sync.Inventory;
using ShopifyPS.Tests.Integration;

namespace ShopifyPS.Tests.Inventory;

/// <summary>V2: Shopify's locations, merged into the profile and joined with its settings.</summary>
public sealed class ShopLocationsTests
{
    [Fact]
    public async Task Locations_are_read_with_inactive_ones_and_what_Shopify_says_about_each()
    {
        await using var shop = await EmulatorShop.StartAsync();
        await shop.SeedAsync(new { locations = new[] { new { name = "Outlet", isActive = false } } });

        var locations = await ShopLocations.ReadAsync(shop.Client(), CancellationToken.None);

        Assert.Equal(["East store", "Main warehouse", "Outlet", "West store"], locations.Select(l => l.Name));
        Assert.False(locations.Single(l => l.Name == "Outlet").IsActive);
        Assert.All(locations, l => Assert.StartsWith("gid://shopify/Location/", l.Id));
        Assert.All(locations, l => Assert.False(l.IsFulfillmentService));
    }

    [Fact]
    public void A_merge_adds_new_locations_disabled_follows_renames_and_removes_gone_ones()
    {
        var profile = new ShopProfile { Name = "s" };
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/1", Name = "Old name", LocationFilter = "EAST", StockCalculation = StockCalculation.FreeInventory });
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/9", Name = "Closed", LocationFilter = "X" });
        var shopify = new[]
        {
            Facts("gid://shopify/Location/1", "Main warehouse"),
            Facts("gid://shopify/Location/2", "East store"),
        };

        var refresh = ShopLocations.Merge(profile, shopify);

        Assert.Equal("East store", Assert.Single(refresh.Added).Name);
        Assert.Equal("Old name", Assert.Single(refresh.Renamed).OldName);
        Assert.Equal("Closed", Assert.Single(refresh.Removed).Name);
        Assert.Equal(["Main warehouse", "East store"], profile.Locations.Select(l => l.Name));
        Assert.Equal(StockCalculation.Disabled, profile.Locations[1].StockCalculation);
        Assert.Equal("EAST", profile.Locations[0].LocationFilter);
        Assert.Equal(StockCalculation.FreeInventory, profile.Locations[0].StockCalculation);
        Assert.False(ShopLocations.Merge(profile, shopify).Changed);
        Assert.True(Assert.Single(ShopLocations.Join(profile, shopify), l => l.Name == "East store").InProfile);
    }

    [Fact]
    public void Locations_are_found_by_name_without_case_by_gid_or_by_number()
    {
        var profile = new ShopProfile { Name = "s" };
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/7", Name = "East store" });

        Assert.Single(ShopLocations.Find(profile, "east STORE"));
        Assert.Single(ShopLocations.Find(profile, "gid://shopify/Location/7"));
        Assert.Single(ShopLocations.Find(profile, "7"));
        Assert.Empty(ShopLocations.Find(profile, "West store"));
    }

    private static ShopifyLocationFacts Facts(string id, string name) => new(id, name, true, true, true, false, false, "");
}
