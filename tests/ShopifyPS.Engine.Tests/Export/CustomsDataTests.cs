using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;
using ShopifyPS.Tests.Import;

namespace ShopifyPS.Tests.Export;

/// <summary>Customs data (items.syncHsCodeAndCountry): TariffNo and CountryOfOrigin as the inventory item's harmonized
/// system code and country of origin, checked before anything is sent, sent only when changed, and imported back.</summary>
public sealed class CustomsDataTests
{
    [Theory]
    [InlineData("6201.40.10", "62014010")]
    [InlineData("6201 40 10", "62014010")]
    [InlineData("620140", "620140")]
    [InlineData("1234567890123", "1234567890123")]
    [InlineData("", "")]
    public void A_tariff_no_goes_to_Shopify_as_its_digits(string tariffNo, string sent)
    {
        Assert.Null(CustomsData.TariffNoProblem(tariffNo));
        Assert.Equal(sent, CustomsData.Of(new Item { TariffNo = tariffNo }).HarmonizedSystemCode);
    }

    [Theory]
    [InlineData("6201.4", "has 5 digits")]
    [InlineData("12345678901234", "has 14 digits")]
    [InlineData("6201.40.AB", "is not a harmonized system code")]
    public void A_tariff_no_Shopify_would_refuse_is_named_with_what_to_do(string tariffNo, string why)
    {
        var problem = CustomsData.TariffNoProblem(tariffNo)!;
        Assert.Contains($"TariffNo '{tariffNo}' {why}", problem);
        Assert.Contains("Set-ShopifyItem -TariffNo", problem);
    }

    [Theory]
    [InlineData("cn", "CN", true)]
    [InlineData(" NO ", "NO", true)]
    [InlineData("", "", true)]
    [InlineData("CHN", "", false)]
    [InlineData("QQ", "", false)]
    public void A_country_of_origin_must_be_one_of_Shopifys_country_codes(string country, string sent, bool usable)
    {
        Assert.Equal(usable, CustomsData.CountryProblem(country) is null);
        if (usable) Assert.Equal(sent, CustomsData.Of(new Item { CountryOfOrigin = country }).CountryCodeOfOrigin);
    }

    private static async Task<List<JObject>> InventoryItemsAsync(ExportShop shop) =>
        (await shop.ProductsAsync()).Single()["variants"]!.Select(v => (JObject)v["inventoryItem"]!).ToList();

    [Fact]
    public async Task Created_products_carry_the_customs_data_and_a_change_sends_only_that_field()
    {
        await using var shop = await ExportShop.StartAsync();
        var id = (await shop.AddAsync("1001")).Single().ProductId;
        Assert.All(await InventoryItemsAsync(shop), i =>
            Assert.Equal(("62014010", "CN"), (i.Value<string>("harmonizedSystemCode"), i.Value<string>("countryCodeOfOrigin"))));

        // A merchandiser sets another country in admin; the ERP changes only the tariff no.
        var first = (await shop.ProductsAsync()).Single().SelectToken("variants[0].inventoryItem.id")!.ToString();
        var admin = await shop.Shop.RawAsync("mutation U($id: ID!, $i: InventoryItemInput!) { inventoryItemUpdate(id: $id, input: $i) { userErrors { message } } }",
            new JObject { ["id"] = first, ["i"] = new JObject { ["countryCodeOfOrigin"] = "BD" } }, "U");
        Assert.Empty(admin.SelectTokens("data.inventoryItemUpdate.userErrors[*]"));
        shop.ChangeItem("1001", i => i.TariffNo = "6201.40.20");
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.Equal((SyncAction.Updated, id), (result.Action, result.ProductId));
        var requests = await shop.Shop.RequestsAsync();
        Assert.Equal(["ProductVariantsBulkUpdate"], requests.Select(r => r.Value<string>("operationName")));
        Assert.All(requests[0].SelectToken("variables.variants")!, v =>
        {
            Assert.Equal(["id", "inventoryItem"], v.Children<JProperty>().Select(p => p.Name));
            Assert.Equal("""{"harmonizedSystemCode":"62014020"}""", v["inventoryItem"]!.ToString(Newtonsoft.Json.Formatting.None));
        });
        var items = await InventoryItemsAsync(shop);
        Assert.All(items, i => Assert.Equal("62014020", i.Value<string>("harmonizedSystemCode")));
        Assert.Equal("BD", items.Single(i => i.Value<string>("id") == first).Value<string>("countryCodeOfOrigin"));
        Assert.All(await shop.SyncAsync(), r => Assert.Equal(SyncAction.Unchanged, r.Action));
    }

    [Fact]
    public async Task A_bad_tariff_no_fails_its_item_before_anything_is_sent_and_the_others_go_on()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.ChangeItem("1001", i => i.TariffNo = "6201.4");
        shop.ChangeItem("1002", i => i.CountryOfOrigin = "CHN");

        var results = await shop.AddAsync("1001", "1002", "1003");

        var failed = results.Where(r => r.Action == SyncAction.Failed).OrderBy(r => r.ItemNo).ToList();
        Assert.Equal(["1001", "1002"], failed.Select(r => r.ItemNo));
        Assert.Contains("Item 1001: TariffNo '6201.4' has 5 digits", failed[0].Message);
        Assert.Contains("Item 1002: CountryOfOrigin 'CHN' is not a country code", failed[1].Message);
        Assert.Contains(results, r => (r.ItemNo, r.Action) == ("1003", SyncAction.Created));
        Assert.Single(await shop.ProductsAsync());
    }

    [Fact]
    public async Task With_the_switch_off_no_customs_data_is_sent_or_checked()
    {
        await using var shop = await ExportShop.StartAsync();
        shop.Profile.Items.SyncHsCodeAndCountry = false;
        shop.ChangeItem("1001", i => i.TariffNo = "bad");

        Assert.Equal(SyncAction.Created, (await shop.AddAsync("1001")).Single().Action);
        var request = (await shop.Shop.RequestsAsync()).Single(r => r.Value<string>("operationName") == "ProductSet");
        Assert.DoesNotContain("harmonizedSystemCode", request["variables"]!.ToString());
        Assert.DoesNotContain("countryCodeOfOrigin", request["variables"]!.ToString());
    }

    [Fact]
    public async Task A_product_recorded_before_customs_data_were_managed_gets_only_what_the_ERP_has()
    {
        await using var shop = await ExportShop.StartAsync();
        await shop.AddAsync("1001");
        // The record an earlier version kept: no customs fields.
        foreach (var variant in shop.Store.Connector.Products("emulator").SelectMany(p => shop.Store.Connector.VariantsOfProduct("emulator", p.Id)))
        {
            var record = JObject.Parse(shop.Store.Connector.GetHash("emulator", ContentKind.VariantFields, variant.Id)!);
            record.Remove("harmonizedSystemCode");
            record.Remove("countryCodeOfOrigin");
            shop.Store.Connector.SetHash("emulator", ContentKind.VariantFields, variant.Id, record.ToString());
        }
        shop.ChangeItem("1001", i => i.CountryOfOrigin = "");
        await shop.Shop.ClearRequestsAsync();

        await shop.SyncAsync();

        var variants = (await shop.Shop.RequestsAsync()).Single().SelectToken("variables.variants")!;
        Assert.All(variants, v => Assert.Equal("""{"harmonizedSystemCode":"62014010"}""", v["inventoryItem"]!.ToString(Newtonsoft.Json.Formatting.None)));
    }

    [Fact]
    public void An_import_takes_the_customs_data_Shopify_has_and_keeps_the_ERPs_writing_of_the_same_code()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => s.ShopifyCanUpdateItems = true);
        var item = shop.Item("1000");
        item.TariffNo = "6109.10.00";
        shop.Store.Erp.Upsert(ErpTables.Items, item);

        shop.Import(shop.Product(false, new ShopVariantData("1000", HsCode: "61091000", Country: "PT")));
        Assert.Equal(("6109.10.00", "PT"), (shop.Item("1000").TariffNo, shop.Item("1000").CountryOfOrigin));

        var result = shop.Import(shop.Product(false, new ShopVariantData("1000", HsCode: "610920"))).Single();
        Assert.Equal(("610920", "PT"), (shop.Item("1000").TariffNo, shop.Item("1000").CountryOfOrigin));
        Assert.Contains("TariffNo: '6109.10.00' → '610920'", result.Message);
    }

    [Fact]
    public void The_first_variant_of_the_product_gives_the_item_its_customs_data()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => s.ShopifyCanUpdateItems = true);

        shop.Import(shop.Product(true, new ShopVariantData("1000", HsCode: "610910", Country: "PT"), new ShopVariantData("1000", HsCode: "610990", Country: "BD")));

        Assert.Equal(("610910", "PT"), (shop.Item("1000").TariffNo, shop.Item("1000").CountryOfOrigin));
    }

    [Fact]
    public void An_import_with_the_switch_off_leaves_the_customs_data_alone()
    {
        using var shop = new ImportFixture(SkuMapping.ItemNo, autoCreate: false, s => (s.ShopifyCanUpdateItems, s.SyncHsCodeAndCountry) = (true, false));

        shop.Import(shop.Product(false, new ShopVariantData("1000", HsCode: "61091000", Country: "PT")));

        Assert.Equal(("", ""), (shop.Item("1000").TariffNo, shop.Item("1000").CountryOfOrigin));
    }
}
