using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Tests.Import;

namespace ShopifyPS.Tests.Export;

/// <summary>items.syncItemMarketingText: the marketing text of the shop's language in the description (Business
/// Central's order: extended text, marketing text, attributes), and the description back as marketing text on import.</summary>
public sealed class MarketingTextTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static ItemExportData Data() => new()
    {
        Item = new Item { No = "1000", Description = "Bicycle" },
        ExtendedTexts = [new ExtendedTextLine { ItemNo = "1000", AllLanguages = true, LineNo = 10, Text = "Light." }],
        Attributes = [new ItemAttribute { ItemNo = "1000", Attribute = "Frame", Value = "Steel" }],
        MarketingTexts =
        [
            new MarketingText { ItemNo = "1000", Text = "<p>Ride <b>further</b>.</p>" },
            new MarketingText { ItemNo = "1000", LanguageCode = "NOR", Text = "<p>Sykle lenger.</p>" },
        ],
    };

    private static ItemSettings Settings(bool marketing, string language = "") =>
        new() { SyncItemExtendedText = true, SyncItemAttributes = true, SyncItemMarketingText = marketing, LanguageCode = language };

    [Fact]
    public void The_marketing_text_goes_between_the_extended_text_and_the_attributes()
    {
        var html = ProductBuilder.Build(Data(), Settings(marketing: true), Today).DescriptionHtml;

        Assert.StartsWith("<div class=\"productDescription\">Light.<br /></div><div class=\"productDescription\"><p>Ride <b>further</b>.</p></div><div class=\"productAttributes\">", html);
    }

    [Fact]
    public void The_text_of_the_shops_language_is_used_and_none_when_the_setting_is_off()
    {
        Assert.Contains("<p>Sykle lenger.</p>", ProductBuilder.Build(Data(), Settings(marketing: true, "NOR"), Today).DescriptionHtml);
        Assert.DoesNotContain("Ride", ProductBuilder.Build(Data(), Settings(marketing: true, "NOR"), Today).DescriptionHtml);
        Assert.DoesNotContain("Ride", ProductBuilder.Build(Data(), Settings(marketing: false), Today).DescriptionHtml);
        Assert.DoesNotContain("Sykle", ProductBuilder.Build(Data(), Settings(marketing: true, "SWE"), Today).DescriptionHtml);
    }

    [Fact]
    public async Task A_changed_marketing_text_sends_the_description_once()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.SyncItemMarketingText = true;
        await shop.AddAsync("1001");
        shop.Store.Erp.Upsert(ErpTables.MarketingTexts, new MarketingText { ItemNo = "1001", Text = "<p>Now with taped seams.</p>" });
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal(SyncAction.Updated, result.Action);
        Assert.Equal(["ProductUpdate"], await shop.MutationsAsync());
        Assert.Contains("<p>Now with taped seams.</p>", (await shop.ProductsAsync()).Single().Value<string>("descriptionHtml"));
        await shop.Shop.ClearRequestsAsync();
        Assert.All(await shop.SyncAsync(), r => Assert.Equal(SyncAction.Unchanged, r.Action));
    }

    [Fact]
    public void An_import_takes_the_description_as_the_marketing_text_of_the_shops_language()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => (s.ShopifyCanUpdateItems, s.SyncItemMarketingText, s.LanguageCode) = (true, true, "NOR"));

        var result = shop.Import(shop.Product(false, new ShopVariantData("1000"))).Single();

        var text = shop.Store.Erp.Rows(ErpTables.MarketingTexts, ("ItemNo", "1000")).Single();
        Assert.Equal(("NOR", "<p>A light summer shirt.</p>"), (text.LanguageCode, text.Text));
        Assert.Contains("marketing text (NOR) from the description", result.Message);
    }
}
