using ShopifyPS.Profiles;

namespace ShopifyPS.Tests.Profiles;

public sealed class ShopProfileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shopifyps-tests-" + Guid.NewGuid().ToString("N"));
    private readonly ShopProfileStore _store;

    public ShopProfileStoreTests() => _store = new ShopProfileStore(new ShopifyHome(_root));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static ShopProfile Valid(string name = "contoso") => new()
    {
        Name = name,
        Domain = $"{name}.myshopify.com",
        Auth = new AuthSettings { TokenEnv = "TOKEN" },
    };

    [Fact]
    public void Saved_profile_loads_back_with_the_same_settings()
    {
        var profile = Valid();
        profile.Items.SkuMapping = SkuMapping.VendorItemNo;
        profile.Items.VariantPrefix = "";
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/7", Name = "East", LocationFilter = "EAST|'' ", StockCalculation = StockCalculation.FreeInventory });
        _store.Save(profile);

        var loaded = _store.Load("contoso");

        Assert.Equal(SkuMapping.VendorItemNo, loaded.Items.SkuMapping);
        Assert.Equal("", loaded.Items.VariantPrefix);
        var location = Assert.Single(loaded.Locations);
        Assert.Equal("EAST|'' ", location.LocationFilter);
        Assert.Equal(StockCalculation.FreeInventory, location.StockCalculation);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        Directory.CreateDirectory(_store.Home.ShopsFolder);
        File.WriteAllText(_store.PathFor("shop"), "name: shop\ndomain: SHOP\nitems:\n  syncItem: Up\n  bogus: 1\n");

        var (_, problems) = _store.Check("shop");

        Assert.Equal(
            new[] { ErrorCatalog.ProfileInvalidValue, ErrorCatalog.ProfileUnknownKey, ErrorCatalog.ProfileInvalidDomain, ErrorCatalog.ProfileMissingAuth },
            problems.Select(p => p.Error));
        var invalid = problems[0];
        Assert.Equal((4, 13, "items.syncItem"), (invalid.Line, invalid.Column, invalid.Key));
    }

    [Fact]
    public void Blank_enum_value_means_the_first_member_like_business_centrals_blank_option()
    {
        Directory.CreateDirectory(_store.Home.ShopsFolder);
        File.WriteAllText(_store.PathFor("shop"), "name: shop\ndomain: shop.myshopify.com\nauth: {tokenEnv: T}\nitems:\n  syncItem: ''\n  skuMapping:\n");

        var profile = _store.Load("shop");

        Assert.Equal(SyncItemMode.Disabled, profile.Items.SyncItem);
        Assert.Equal(SkuMapping.Blank, profile.Items.SkuMapping);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123", true)]
    [InlineData("http://localhost:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("https://proxy.example.com", true)]
    [InlineData("http://10.0.0.5:8080", false)]
    [InlineData("http://example.com", false)]
    public void Http_is_accepted_only_for_loopback(string endpoint, bool accepted)
    {
        var profile = Valid();
        profile.Endpoint = endpoint;

        var save = () => _store.Save(profile);

        if (accepted) save();
        else Assert.Equal(ErrorCatalog.ProfileInsecureEndpoint, Assert.Throws<ProfileException>(save).Problems.Single().Error);
    }

    [Fact]
    public void Endpoint_replaces_the_domain_in_the_graphql_address()
    {
        var profile = Valid();
        Assert.Equal("https://contoso.myshopify.com/admin/api/2026-04/graphql.json", profile.GraphQlUri.ToString());
        profile.Endpoint = "http://127.0.0.1:5123";
        profile.ApiVersion = "2025-07";
        Assert.Equal("http://127.0.0.1:5123/admin/api/2025-07/graphql.json", profile.GraphQlUri.ToString());
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("with space")]
    [InlineData("")]
    public void A_name_that_is_no_safe_file_name_is_refused(string name)
    {
        var problem = Assert.Throws<ProfileException>(() => _store.Save(Valid(name))).Problems.Single();
        Assert.Equal(ErrorCatalog.ProfileInvalidName, problem.Error);
        Assert.False(Directory.Exists(_store.Home.ShopsFolder) && Directory.EnumerateFiles(_store.Home.ShopsFolder).Any());
    }

    [Fact]
    public void Default_product_locations_are_a_fulfillment_services_or_the_shops_own_and_a_service_needs_a_sku()
    {
        var profile = Valid();
        profile.Items.SkuMapping = SkuMapping.ItemNo;
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/1", Name = "Main", DefaultProductLocation = true });
        profile.Locations.Add(new ShopLocation { Id = "gid://shopify/Location/2", Name = "Acme 3PL", FulfillmentService = "Acme", DefaultProductLocation = true });

        var mixed = Assert.Throws<ProfileException>(() => _store.Save(profile)).Problems.Single();
        Assert.Equal(ErrorCatalog.DefaultLocationsIncompatible, mixed.Error);
        Assert.Equal("locations[1].defaultProductLocation", mixed.Key);
        Assert.Contains("'Acme 3PL' belongs to the fulfillment service Acme, and 'Main' is the shop's own", mixed.Message);

        profile.Locations[0].DefaultProductLocation = false;
        _store.Save(profile);
        Assert.Equal("Acme", _store.Load("contoso").Locations[1].FulfillmentService);
        Assert.Null(_store.Load("contoso").Locations[0].FulfillmentService);

        profile.Items.SkuMapping = SkuMapping.Blank;
        var blank = Assert.Throws<ProfileException>(() => _store.Save(profile)).Problems.Single();
        Assert.Equal("items.skuMapping", blank.Key);
        Assert.Contains("finds variants by SKU", blank.Message);
    }

    [Fact]
    public void Units_as_variants_is_off_by_default_and_its_option_is_named_as_in_business_central()
    {
        _store.Save(Valid());
        var loaded = _store.Load("contoso");
        Assert.Equal((false, "Unit of Measure"), (loaded.Items.UomAsVariant, loaded.Items.OptionNameForUom));

        loaded.Items.UomAsVariant = true;
        loaded.Items.OptionNameForUom = "Pack size";
        _store.Save(loaded);
        Assert.Equal((true, "Pack size"), (_store.Load("contoso").Items.UomAsVariant, _store.Load("contoso").Items.OptionNameForUom));
    }

    [Theory]
    [InlineData(true, "", "needs the name of the option that holds the unit of measure")]
    [InlineData(false, "123456789012345678901234567890123456789012345678901", "at most 50 are allowed")]
    public void Units_as_variants_needs_an_option_name_of_at_most_50_characters(bool uomAsVariant, string optionName, string message)
    {
        var profile = Valid();
        profile.Items.UomAsVariant = uomAsVariant;
        profile.Items.OptionNameForUom = optionName;

        var problem = Assert.Throws<ProfileException>(() => _store.Save(profile)).Problems.Single();

        Assert.Equal((ErrorCatalog.ProfileInvalidValue, "items.optionNameForUom"), (problem.Error, problem.Key));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Closest_suggests_near_misses_only()
    {
        Assert.Equal("ItemNo", Closest.Match("itemno.", new[] { "Blank", "ItemNo", "BarCode" }));
        Assert.Null(Closest.Match("Sideways", new[] { "Disabled", "ToShopify", "FromShopify" }));
    }
}
