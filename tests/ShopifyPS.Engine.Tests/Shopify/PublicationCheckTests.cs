using ShopifyPS.Shopify;
using ShopifyPS.Tests.Integration;

namespace ShopifyPS.Tests.Shopify;

/// <summary>Test-ShopifyShop's live check of the publications created products go to.</summary>
public sealed class PublicationCheckTests
{
    [Fact]
    public async Task A_publication_the_shop_does_not_have_fails_the_check_naming_the_ones_it_has()
    {
        await using var shop = await EmulatorShop.StartAsync();
        var profile = shop.Profile();
        Assert.True((await ShopLiveCheck.RunAsync(shop.Client(profile: profile))).Passed);

        profile.Items.Publications = ["Online Store", "Wholesale"];
        var check = await ShopLiveCheck.RunAsync(shop.Client(profile: profile));

        var failure = Assert.Single(check.Failures);
        Assert.Equal("ShopifyPublicationNotFound", failure.Error.Name);
        Assert.Contains("'Wholesale'", failure.Message);
        Assert.Contains("it has: 'Online Store', 'Point of Sale'", failure.Message);
    }

    [Fact]
    public void Publishing_needs_the_publications_scopes_only_when_the_profile_publishes()
    {
        Assert.Empty(ShopConnection.Missing(ShopConnection.RequiredScopes));
        Assert.Equal(["read_publications", "write_publications"], ShopConnection.Missing(ShopConnection.RequiredScopes, publishes: true));
        Assert.Empty(ShopConnection.Missing(ShopConnection.RequiredScopes.Append("write_publications"), publishes: true));
    }
}
