using Newtonsoft.Json.Linq;
using ShopifyPS.Connector;
using ShopifyPS.Erp;
using ShopifyPS.Erp.Model;
using ShopifyPS.Profiles;
using ShopifyPS.Storage;
using ShopifyPS.Sync;
using ShopifyPS.Sync.Export;

namespace ShopifyPS.Tests.Export;

/// <summary>languages[]: the translations of titles and descriptions into the shop's other locales, which of them a run
/// registers (change detection against the record and Shopify's digests), and the profile's rules.</summary>
public sealed class TranslationTests
{
    private const string Shop = "emulator";

    [Fact]
    public void The_profile_validator_names_a_missing_code_a_malformed_locale_and_a_duplicate()
    {
        var profile = new ShopProfile { Name = "s", Domain = "s.myshopify.com", Auth = new AuthSettings { TokenEnv = "T" } };
        profile.Languages.AddRange([
            new LanguageMapping { Locale = "nb", LanguageCode = "NOR" },
            new LanguageMapping { Locale = "nb", LanguageCode = "NOR" },
            new LanguageMapping { Locale = "Norsk", LanguageCode = "NOR" },
            new LanguageMapping { Locale = "de" },
            new LanguageMapping { Locale = "pt-BR", LanguageCode = "PTB" },
            new LanguageMapping { Locale = "sv", LanguageCode = "SVENSKA-LONG" },
        ]);

        var problems = ProfileValidator.Validate(profile, "s.yml", "s", new Dictionary<string, YamlDotNet.Core.Mark>())
            .Select(p => (p.Key, p.Message)).ToList();

        Assert.Contains(problems, p => p.Key == "languages[1].locale" && p.Message.Contains("listed twice"));
        Assert.Contains(problems, p => p.Key == "languages[2].locale" && p.Message.Contains("'Norsk' is not a Shopify locale"));
        Assert.Contains(problems, p => p.Key == "languages[3]" && p.Message.Contains("'languageCode'"));
        Assert.Contains(problems, p => p.Key == "languages[5].languageCode" && p.Message.Contains("at most 10"));
        Assert.DoesNotContain(problems, p => p.Key.StartsWith("languages[0]", StringComparison.Ordinal) || p.Key.StartsWith("languages[4]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_locale_gets_the_item_translation_else_the_description_and_the_description_built_in_its_language()
    {
        var profile = new ShopProfile();
        profile.Items.SyncItemExtendedText = true;
        profile.Items.SyncItemAttributes = true;
        profile.Languages.AddRange([
            new LanguageMapping { Locale = "nb", LanguageCode = "NOR" },
            new LanguageMapping { Locale = "de", LanguageCode = "DEU" },
            new LanguageMapping { Locale = "sv", LanguageCode = "SVE", SyncTranslations = false },
        ]);
        var data = new ItemExportData
        {
            Item = new Item { No = "1", Description = "Storm jacket" },
            Translations = [new ItemTranslation { ItemNo = "1", LanguageCode = "NOR", Description = "Stormjakke\t" }],
            ExtendedTexts = [new ExtendedTextLine { ItemNo = "1", LanguageCode = "NOR", LineNo = 1, Text = "Vanntett." }],
            Attributes = [new ItemAttribute { ItemNo = "1", Attribute = "Colour", Value = "Blue" }],
            AttributeTranslations = [new AttributeTranslation { Attribute = "Colour", LanguageCode = "NOR", Translation = "Farge" }],
        };
        var draft = ProductBuilder.Build(data, profile.Items, ExportShop.Today);

        ProductTranslations.Fill(draft, data, profile, ExportShop.Today);

        Assert.Equal(["nb title", "nb body_html", "de title", "de body_html"], draft.Translations.Select(t => $"{t.Locale} {t.Key}"));
        Assert.Equal("Stormjakke", draft.Translations[0].Value);
        Assert.StartsWith("<div class=\"productDescription\">Vanntett.<br /></div>", draft.Translations[1].Value);
        Assert.Contains("<td class=\"attributeName\">Farge</td>", draft.Translations[1].Value);
        Assert.Equal("Storm jacket", draft.Translations[2].Value);
        Assert.DoesNotContain("Vanntett", draft.Translations[3].Value);
    }

    [Fact]
    public void A_translation_is_planned_when_never_sent_changed_in_the_ERP_its_source_is_sent_or_its_digest_changed_and_never_otherwise()
    {
        using var store = SqliteStore.OpenInMemory();
        var product = new ShopProduct { Shop = Shop, Id = "gid://shopify/Product/1", ItemNo = "1" };
        store.Connector.SaveProduct(product);
        var draft = new ProductDraft { ItemNo = "1", Title = "Storm jacket" };
        draft.Translations.AddRange([new TranslationValue("nb", "title", "Stormjakke"), new TranslationValue("nb", "body_html", "<p>Skall</p>"),
            new TranslationValue("de", "title", "Sturmjacke")]);
        var digests = new Dictionary<string, string> { ["title"] = "t1", ["body_html"] = "b1" };
        List<TranslationChange> Plan(IReadOnlyCollection<string>? sentFields = null, bool force = false, Dictionary<string, string>? now = null) =>
            TranslationPlan.Changes(store.Connector, product, draft, now ?? digests, sentFields ?? [], force);

        var first = Plan();
        Assert.Equal(["nb title not sent before", "nb body_html not sent before", "de title not sent before"], first.Select(c => $"{c.Locale} {c.Key} {c.Why}"));
        Assert.Equal(["t1", "b1", "t1"], first.Select(c => c.Digest));
        TranslationPlan.Record(store.Connector, Shop, product.Id, first);
        Assert.Empty(Plan());

        // Only a key Shopify has source text for (a digest) can be translated.
        Assert.Empty(TranslationPlan.Changes(store.Connector, product, draft, new Dictionary<string, string>(), [], force: true));

        var changedDigest = Plan(now: new Dictionary<string, string> { ["title"] = "t2", ["body_html"] = "b1" });
        Assert.Equal(["nb title its source text changed in Shopify t2", "de title its source text changed in Shopify t2"],
            changedDigest.Select(c => $"{c.Locale} {c.Key} {c.Why} {c.Digest}"));

        var sourceSent = Plan(sentFields: ["descriptionHtml"]);
        Assert.Equal(("body_html", "its source text is sent now", (string?)null), (sourceSent.Single().Key, sourceSent.Single().Why, sourceSent.Single().Digest));

        draft.Translations[0] = new TranslationValue("nb", "title", "Stormjakke II");
        var changed = Plan().Single();
        Assert.Equal(("Stormjakke", "Stormjakke II", "changed in the ERP"), (changed.Old, changed.New, changed.Why));
        Assert.Equal("translation nb title 'Stormjakke' → 'Stormjakke II' (changed in the ERP)", changed.ToString());
        Assert.Equal(3, Plan(force: true).Count);
    }

    private static async Task<ExportShop> ShopAsync()
    {
        var shop = await ExportShop.StartAsync();
        await shop.Shop.SeedAsync(new { locales = new object[] { new { locale = "nb", published = true } } });
        shop.Profile.Items.SyncItemExtendedText = true;
        shop.Profile.Languages.Add(new LanguageMapping { Locale = "nb", LanguageCode = "NOR" });
        return shop;
    }

    private static async Task<JToken> NorwegianAsync(ExportShop shop, string productId) =>
        (await shop.Shop.RawAsync("query T($id: ID!) { translatableResource(resourceId: $id) { translations(locale: \"nb\") { key value outdated } } }",
            new JObject { ["id"] = productId }, "T")).SelectToken("data.translatableResource.translations")!;

    [Fact]
    public async Task Created_products_are_translated_with_one_digest_read_and_one_register_each_and_a_rerun_sends_nothing()
    {
        await using var shop = await ShopAsync();

        var results = await shop.AddAsync("1001", "1003");

        Assert.All(results, r => Assert.Equal(SyncAction.Created, r.Action));
        var operations = (await shop.Shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Equal(1, operations.Count(o => o == "TranslatableContent"));
        Assert.Equal(2, operations.Count(o => o == "TranslationsRegister"));
        var nb = await NorwegianAsync(shop, results[0].ProductId);
        Assert.Equal("Stormjakke skall", nb.Single(t => t.Value<string>("key") == "title").Value<string>("value"));
        Assert.Contains("Vanntett 20 000 mm", nb.Single(t => t.Value<string>("key") == "body_html").Value<string>("value"));

        await shop.Shop.ClearRequestsAsync();
        Assert.All(await shop.SyncAsync(), r => Assert.Equal(SyncAction.Unchanged, r.Action));
        Assert.Empty(await shop.MutationsAsync());
        Assert.Equal(["TranslatableContent"], (await shop.Shop.RequestsAsync()).Select(r => r.Value<string>("operationName")));
    }

    [Fact]
    public async Task A_refused_translation_fails_its_record_and_is_sent_again_by_the_next_run()
    {
        await using var shop = await ShopAsync();
        shop.Profile.Languages.Add(new LanguageMapping { Locale = "fi", LanguageCode = "FIN" });

        var created = (await shop.AddAsync("1004")).Single();

        Assert.Equal(SyncAction.Failed, created.Action);
        Assert.Equal(ErrorCatalog.UserError, created.ErrorId);
        Assert.Contains("Shopify refused its translations", created.Message);
        Assert.Contains("INVALID_LOCALE_FOR_SHOP", created.Message);
        Assert.Empty(await NorwegianAsync(shop, created.ProductId));
        Assert.Empty(shop.Store.Connector.SentTranslations(Shop, created.ProductId));

        shop.Profile.Languages.RemoveAt(1);
        var again = (await shop.SyncAsync()).Single();
        Assert.True(again.Action == SyncAction.Updated, again.Message);
        Assert.Contains("translation nb title (none) → 'Fleecejakke' (not sent before)", again.Message);
        Assert.Equal("Fleecejakke", (await NorwegianAsync(shop, created.ProductId)).Single().Value<string>("value"));
    }

    [Fact]
    public async Task An_adopted_product_records_its_translations_and_sends_none()
    {
        await using var shop = await ShopAsync();
        var id = (await shop.AddAsync("1004")).Single().ProductId;
        shop.Store.Connector.DeleteHash(Shop, ContentKind.ProductFields, id);
        foreach (var variant in shop.Store.Connector.VariantsOfProduct(Shop, id)) shop.Store.Connector.DeleteHash(Shop, ContentKind.VariantFields, variant.Id);
        shop.ChangeItem("1004", i => i.Description = "Fleece");
        using (var command = shop.Store.Command("DELETE FROM sent_translations")) command.ExecuteNonQuery();
        await shop.Shop.ClearRequestsAsync();

        var result = (await shop.SyncAsync()).Single();

        Assert.True(result.Action == SyncAction.Unchanged, result.Message);
        Assert.Empty(await shop.MutationsAsync());
        Assert.Single(shop.Store.Connector.SentTranslations(Shop, id));
    }

    [Fact]
    public async Task From_the_bulk_threshold_on_the_translations_of_created_products_go_as_one_bulk_mutation()
    {
        await using var shop = await ShopAsync();
        for (var i = 0; i < ProductExportJob.BulkThreshold; i++)
        {
            shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000}", Description = $"Bulk item {i}", UnitPrice = 10 + i, UnitCost = 5 });
            shop.Store.Erp.Upsert(ErpTables.ItemTranslations, new ItemTranslation { ItemNo = $"B{i:000}", LanguageCode = "NOR", Description = $"Masseartikkel {i}" });
        }

        var results = await ExportShop.ListAsync(new ProductExportJob(shop.Context()).AddItemsAsync(new ItemSelection { Numbers = ["B*"] }));

        Assert.Equal(ProductExportJob.BulkThreshold, results.Count(r => r.Action == SyncAction.Created));
        var operations = (await shop.Shop.RequestsAsync()).Select(r => r.Value<string>("operationName")).ToList();
        Assert.Equal(3, operations.Count(o => o == "BulkOperationRunMutation"));
        Assert.Equal(1, operations.Count(o => o == "TranslatableContent"));
        Assert.DoesNotContain("TranslationsRegister", operations);
        var b007 = results.Single(r => r.ItemNo == "B007").ProductId;
        Assert.Equal("Masseartikkel 7", (await NorwegianAsync(shop, b007)).Single().Value<string>("value"));
        Assert.Equal("Masseartikkel 7", shop.Store.Connector.SentTranslations(Shop, b007).Single().Value);
    }

    [Theory]
    [InlineData(ProductExportJob.BulkThreshold)]
    [InlineData(2 * ProductExportJob.BulkThreshold)]
    public async Task A_bulk_create_holds_no_more_translations_in_memory_than_its_buffer_whatever_the_number_of_products(int count)
    {
        await using var shop = await ShopAsync();
        for (var i = 0; i < count; i++)
        {
            shop.Store.Erp.Upsert(ErpTables.Items, new Item { No = $"B{i:000}", Description = $"Bulk item {i}", UnitPrice = 10 + i, UnitCost = 5 });
            shop.Store.Erp.Upsert(ErpTables.ItemTranslations, new ItemTranslation { ItemNo = $"B{i:000}", LanguageCode = "NOR", Description = $"Masseartikkel {i}" });
        }
        var job = new ProductExportJob(shop.Context()) { PlanBufferSize = 10 };

        var results = await ExportShop.ListAsync(job.AddItemsAsync(new ItemSelection { Numbers = ["B*"] }));

        Assert.Equal(10, job.MostTranslationsHeld);
        Assert.All(results, r => Assert.True(r.Action == SyncAction.Created, r.Message));
        Assert.All(results, r => Assert.EndsWith("; translated into nb.", r.Message, StringComparison.Ordinal));
        Assert.Equal(count, results.Count);
        // Each product was registered with its own item's translation, against its own digest.
        Assert.All(results, r => Assert.Equal($"Masseartikkel {int.Parse(r.ItemNo[1..], System.Globalization.CultureInfo.InvariantCulture)}",
            shop.Store.Connector.SentTranslations(Shop, r.ProductId).Single(t => t.Key == "title").Value));
        Assert.Equal("Masseartikkel 42", (await NorwegianAsync(shop, results.Single(r => r.ItemNo == "B042").ProductId))
            .Single(t => t.Value<string>("key") == "title").Value<string>("value"));
    }

    [Theory]
    [InlineData(TranslationDigests.BulkReadThreshold - 1, "TranslatableContent", 4)]
    [InlineData(TranslationDigests.BulkReadThreshold, "BulkOperationRunQuery", 1)]
    public async Task Digests_are_read_250_products_a_call_and_from_the_threshold_on_with_one_bulk_query(int count, string read, int reads)
    {
        await using var shop = await EmulatorShopWithProducts(count + 1);
        var ids = (await shop.StateAsync())["products"]!.Select(p => p.Value<string>("id")!).Take(count).ToList();
        await shop.ClearRequestsAsync();

        using var digests = await TranslationDigests.ReadAsync(shop.Client(), ids, count, CancellationToken.None);

        Assert.All(ids, id => Assert.Equal(64, digests.Of(id)["title"].Length));
        // Only the keys ShopifyPS registers are kept (the emulator lists handle, product_type and SEO too).
        Assert.All(ids, id => Assert.Subset(new HashSet<string> { "title", "body_html" }, digests.Of(id).Keys.ToHashSet()));
        Assert.Equal(ids.Count, ids.Select(id => digests.Of(id)["title"]).Distinct().Count());
        Assert.Empty(digests.Of("gid://shopify/Product/0"));
        Assert.Equal(reads, (await shop.RequestsAsync()).Count(r => r.Value<string>("operationName") == read));
    }

    private static async Task<Integration.EmulatorShop> EmulatorShopWithProducts(int count)
    {
        var shop = await Integration.EmulatorShop.StartAsync(bucket: 20000, restoreRate: 10000);
        await shop.SeedAsync(new { products = Enumerable.Range(0, count).Select(i => new { title = $"Product {i}" }).ToArray() });
        return shop;
    }
}
