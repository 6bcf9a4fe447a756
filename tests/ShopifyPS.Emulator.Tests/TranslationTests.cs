using System.Security.Cryptography;
using System.Text;

namespace ShopifyPS.Emulator.Tests;

/// <summary>Languages and translations: shopLocales from the seed, translatable content with SHA-256 digests,
/// translationsRegister's checks (a stale digest is refused), outdated translations after a source change.</summary>
public class TranslationTests
{
    private const string Register = "mutation($id: ID!, $t: [TranslationInput!]!) { translationsRegister(resourceId: $id, translations: $t) { translations { key locale } userErrors { field message code } } }";
    private const string Read = "query($id: ID!) { translatableResource(resourceId: $id) { resourceId translatableContent { key value digest locale type } translations(locale: \"nb\") { key value outdated } } }";

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task ShopLocales_lists_English_as_primary_and_the_seeded_locales()
    {
        await using var emu = await TestEmulator.StartAsync();
        await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new { locales = new object[] { new { locale = "nb", published = true }, new { locale = "de" } } });

        var all = (await emu.DataAsync("{ shopLocales { locale primary published } }"))["shopLocales"]!.AsArray();
        var published = (await emu.DataAsync("{ shopLocales(published: true) { locale } }"))["shopLocales"]!.AsArray();

        Assert.Equal(["en", "nb", "de"], all.Select(l => l!["locale"]!.GetValue<string>()));
        Assert.True(all[0]!["primary"]!.GetValue<bool>());
        Assert.False(all[2]!["published"]!.GetValue<bool>());
        Assert.Equal(["en", "nb"], published.Select(l => l!["locale"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_translation_needs_the_digest_of_the_source_as_it_is_now_and_is_outdated_once_the_source_changes()
    {
        await using var emu = await TestEmulator.StartAsync();
        var seeded = await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new
        {
            locales = new object[] { new { locale = "nb", published = true } },
            products = new object[] { new { title = "Storm jacket", descriptionHtml = "<p>Shell</p>" } },
        });
        var id = seeded["products"]![0]!["id"]!.GetValue<string>();
        var content = (await emu.DataAsync(Read, new { id }))["translatableResource"]!["translatableContent"]!.AsArray();
        var title = content.Single(c => c!["key"]!.GetValue<string>() == "title")!;
        Assert.Equal(Sha256("Storm jacket"), title["digest"]!.GetValue<string>());
        Assert.Equal(("en", "SINGLE_LINE_TEXT_FIELD"), (title["locale"]!.GetValue<string>(), title["type"]!.GetValue<string>()));
        Assert.Equal("HTML", content.Single(c => c!["key"]!.GetValue<string>() == "body_html")!["type"]!.GetValue<string>());

        var refused = (await emu.DataAsync(Register, new
        {
            id,
            t = new object[]
            {
                new { locale = "nb", key = "title", value = "Stormjakke", translatableContentDigest = Sha256("Storm jacket") },
                new { locale = "nb", key = "body_html", value = "<p>Skall</p>", translatableContentDigest = Sha256("<p>Old</p>") },
                new { locale = "sv", key = "title", value = "Stormjacka", translatableContentDigest = Sha256("Storm jacket") },
                new { locale = "en", key = "title", value = "Storm", translatableContentDigest = Sha256("Storm jacket") },
                new { locale = "nb", key = "colour", value = "Blå", translatableContentDigest = Sha256("Storm jacket") },
                new { locale = "nb", key = "title", value = "", translatableContentDigest = Sha256("Storm jacket") },
            },
        }))["translationsRegister"]!;
        Assert.Equal(["INVALID_TRANSLATABLE_CONTENT", "INVALID_LOCALE_FOR_SHOP", "INVALID_LOCALE_FOR_SHOP", "INVALID_KEY_FOR_MODEL", "BLANK"],
            refused["userErrors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal(["translations", "1", "translatableContentDigest"], refused["userErrors"]![0]!["field"]!.AsArray().Select(f => f!.GetValue<string>()));
        // Any userError and nothing is registered, the valid first translation included.
        Assert.Empty((await emu.DataAsync(Read, new { id }))["translatableResource"]!["translations"]!.AsArray());

        var registered = (await emu.DataAsync(Register, new
        {
            id, t = new object[] { new { locale = "nb", key = "title", value = "Stormjakke", translatableContentDigest = Sha256("Storm jacket") } },
        }))["translationsRegister"]!;
        Assert.Empty(registered["userErrors"]!.AsArray());
        var nb = (await emu.DataAsync(Read, new { id }))["translatableResource"]!["translations"]!.AsArray().Single()!;
        Assert.Equal(("Stormjakke", false), (nb["value"]!.GetValue<string>(), nb["outdated"]!.GetValue<bool>()));

        await emu.DataAsync("mutation($p: ProductUpdateInput!) { productUpdate(product: $p) { userErrors { message } } }", new { p = new { id, title = "Storm jacket II" } });
        Assert.True((await emu.DataAsync(Read, new { id }))["translatableResource"]!["translations"]![0]!["outdated"]!.GetValue<bool>());
        var stale = (await emu.DataAsync(Register, new
        {
            id, t = new object[] { new { locale = "nb", key = "title", value = "Stormjakke", translatableContentDigest = Sha256("Storm jacket") } },
        }))["translationsRegister"]!;
        Assert.Equal("INVALID_TRANSLATABLE_CONTENT", stale["userErrors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task TranslatableResourcesByIds_gives_the_digests_of_many_products_in_one_query_and_skips_unknown_ids()
    {
        await using var emu = await TestEmulator.StartAsync();
        var seeded = await emu.ControlAsync(HttpMethod.Post, "emulator/seed", new { products = new object[] { new { title = "A" }, new { title = "B" } } });
        var ids = seeded["products"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).Append("gid://shopify/Product/999999").ToArray();

        var nodes = (await emu.DataAsync("query($ids: [ID!]!) { translatableResourcesByIds(resourceIds: $ids, first: 250) { nodes { resourceId translatableContent { key digest } } } }",
            new { ids }))["translatableResourcesByIds"]!["nodes"]!.AsArray();

        Assert.Equal(ids.Take(2), nodes.Select(n => n!["resourceId"]!.GetValue<string>()));
        Assert.Equal(Sha256("B"), nodes[1]!["translatableContent"]!.AsArray().Single(c => c!["key"]!.GetValue<string>() == "title")!["digest"]!.GetValue<string>());
    }
}
